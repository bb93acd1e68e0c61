using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Tests.Planning.ThreeWay;

/// <summary>One row per cell of the spec §6 table. Fingerprints: B = base, D = destination now, S = source now (desired).</summary>
public class ThreeWayDecisionTests
{
    public static TheoryData<string, string?, string?, string, OverwriteMode, ChangeAction, bool> Cells => new()
    {
        // destination unchanged, source unchanged: nothing, whatever the policy
        { "unchanged/no/never", "B", "B", "B", OverwriteMode.Never, ChangeAction.None, false },
        { "unchanged/no/unchanged", "B", "B", "B", OverwriteMode.Unchanged, ChangeAction.None, false },
        { "unchanged/no/always", "B", "B", "B", OverwriteMode.Always, ChangeAction.None, false },
        // destination unchanged, source changed
        { "unchanged/yes/never", "B", "B", "S", OverwriteMode.Never, ChangeAction.Leave, false },
        { "unchanged/yes/unchanged", "B", "B", "S", OverwriteMode.Unchanged, ChangeAction.Update, false },
        { "unchanged/yes/always", "B", "B", "S", OverwriteMode.Always, ChangeAction.Update, false },
        // drift: edited on the destination
        { "drift/never", "B", "D", "S", OverwriteMode.Never, ChangeAction.Leave, true },
        { "drift/unchanged", "B", "D", "S", OverwriteMode.Unchanged, ChangeAction.Leave, true },
        { "drift/always", "B", "D", "S", OverwriteMode.Always, ChangeAction.Update, true },
        { "drift, source unchanged/unchanged", "B", "D", "B", OverwriteMode.Unchanged, ChangeAction.Leave, true },
        // deleted on the destination
        { "deleted/never", "B", null, "S", OverwriteMode.Never, ChangeAction.Leave, false },
        { "deleted/unchanged", "B", null, "S", OverwriteMode.Unchanged, ChangeAction.Leave, false },
        { "deleted/always", "B", null, "S", OverwriteMode.Always, ChangeAction.Create, false },
        // no base: not written by OctoSync, and differs
        { "no base, differs/never", null, "D", "S", OverwriteMode.Never, ChangeAction.Leave, false },
        { "no base, differs/unchanged", null, "D", "S", OverwriteMode.Unchanged, ChangeAction.Leave, false },
        { "no base, differs/always", null, "D", "S", OverwriteMode.Always, ChangeAction.Update, false },
        // no base, already equal: adopted
        { "no base, equal/unchanged", null, "S", "S", OverwriteMode.Unchanged, ChangeAction.None, false },
        // new source item
        { "new/never", null, null, "S", OverwriteMode.Never, ChangeAction.Create, false },
        { "new/unchanged", null, null, "S", OverwriteMode.Unchanged, ChangeAction.Create, false },
        // drift that happens to equal the source: nothing to write
        { "drift equal to source/unchanged", "B", "S", "S", OverwriteMode.Unchanged, ChangeAction.None, false },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decides_each_cell_of_the_table(string cell, string? baseFp, string? destinationFp, string desiredFp, OverwriteMode mode, ChangeAction expected, bool drift)
    {
        var outcome = ThreeWayDecision.Decide(baseFp, destinationFp, desiredFp, mode);

        Assert.True(expected == outcome.Action, $"{cell}: expected {expected}, got {outcome.Action} ({outcome.Reason})");
        Assert.Equal(drift, outcome.IsDrift);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Theory]
    [InlineData(OverwriteMode.Never, "rules.variables.overwrite: never")]
    [InlineData(OverwriteMode.Unchanged, "rules.variables.overwrite: unchanged")]
    public void Leaving_names_the_overwrite_rule(OverwriteMode mode, string rule) =>
        Assert.Equal(rule, ThreeWayDecision.Decide("B", "D", "S", mode).Rule);

    [Fact]
    public void Written_items_record_the_desired_fingerprint() =>
        Assert.Equal("S", ThreeWayDecision.Decide("B", "B", "S", OverwriteMode.Unchanged).StateFingerprint);

    [Fact]
    public void Drift_left_alone_keeps_the_old_base_so_it_stays_drift() =>
        Assert.Equal("B", ThreeWayDecision.Decide("B", "D", "S", OverwriteMode.Unchanged).StateFingerprint);

    [Fact]
    public void An_object_never_written_and_left_alone_records_nothing() =>
        Assert.Empty(ThreeWayDecision.Decide(null, "D", "S", OverwriteMode.Unchanged).StateUpdates(Model.ResourceKind.Project, "OctoFx"));
}
