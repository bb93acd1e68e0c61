using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Tests.Planning.ThreeWay;

/// <summary>
/// The rows "gone from the source" of the spec §6 table, one case per cell. B = what OctoSync wrote (base), D = the
/// destination now (edited), null = gone from the destination too. Whole objects (null mode = an element) add the
/// <c>rules.deletions.objects</c> column.
/// </summary>
public class GoneFromSourceTests
{
    public static TheoryData<string, string?, OverwriteMode, DeletionMode?, ChangeAction, bool, string> Cells => new()
    {
        // element, unchanged since OctoSync wrote it
        { "element unchanged/never", "B", OverwriteMode.Never, null, ChangeAction.Leave, false, "rules.variables.overwrite: never" },
        { "element unchanged/unchanged", "B", OverwriteMode.Unchanged, null, ChangeAction.Delete, false, "default" },
        { "element unchanged/always", "B", OverwriteMode.Always, null, ChangeAction.Delete, false, "rules.variables.overwrite: always" },
        // element edited on the destination
        { "element edited/never", "D", OverwriteMode.Never, null, ChangeAction.Leave, true, "rules.variables.overwrite: never" },
        { "element edited/unchanged", "D", OverwriteMode.Unchanged, null, ChangeAction.Leave, true, "rules.variables.overwrite: unchanged" },
        { "element edited/always", "D", OverwriteMode.Always, null, ChangeAction.Delete, true, "rules.variables.overwrite: always" },
        // gone from both sides: only forgotten
        { "element gone from both", null, OverwriteMode.Unchanged, null, ChangeAction.None, false, "default" },
        // whole objects: reported every run by default, whatever the policy
        { "object unchanged/report", "B", OverwriteMode.Unchanged, DeletionMode.Report, ChangeAction.Leave, false, "rules.deletions.objects: report" },
        { "object unchanged/report/always", "B", OverwriteMode.Always, DeletionMode.Report, ChangeAction.Leave, false, "rules.deletions.objects: report" },
        { "object edited/report", "D", OverwriteMode.Unchanged, DeletionMode.Report, ChangeAction.Leave, false, "rules.deletions.objects: report" },
        // whole objects under remove: the element rows
        { "object unchanged/remove", "B", OverwriteMode.Unchanged, DeletionMode.Remove, ChangeAction.Delete, false, "rules.deletions.objects: remove" },
        { "object unchanged/remove/never", "B", OverwriteMode.Never, DeletionMode.Remove, ChangeAction.Leave, false, "rules.variables.overwrite: never" },
        { "object edited/remove", "D", OverwriteMode.Unchanged, DeletionMode.Remove, ChangeAction.Leave, true, "rules.variables.overwrite: unchanged" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decides_each_cell_of_the_gone_rows(string cell, string? destination, OverwriteMode overwrite, DeletionMode? objects, ChangeAction expected, bool drift, string rule)
    {
        var outcome = GoneFromSource.Decide("B", destination, overwrite, "deleted on the source", objects);

        Assert.True(expected == outcome.Action, $"{cell}: expected {expected}, got {outcome.Action} ({outcome.Reason})");
        Assert.Equal(drift, outcome.IsDrift);
        Assert.Equal(rule, outcome.Rule);
        Assert.Contains("Gone from the source (deleted on the source)", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("B", OverwriteMode.Never)]
    [InlineData("D", OverwriteMode.Unchanged)]
    public void What_is_left_keeps_its_base_so_it_is_reported_again_on_the_next_run(string destination, OverwriteMode overwrite) =>
        Assert.Equal("B", GoneFromSource.Decide("B", destination, overwrite, "deleted").StateFingerprint);

    [Fact]
    public void What_is_removed_is_forgotten() =>
        Assert.Null(GoneFromSource.Decide("B", "B", OverwriteMode.Unchanged, "deleted").StateFingerprint);
}
