using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Members;

namespace OctoSync.Engine.Tests.Planning.Tenancy;

/// <summary>The member table (docs/rules.md "Members of synced objects"): the spec §6 rows plus "gone from the source".</summary>
public class MemberDecisionTests
{
    public static TheoryData<string, bool, string?, string?, string, OverwriteMode, ChangeAction, bool, string?> Rows => new()
    {
        // name, in source, base, destination, desired, overwrite → action, drift, state
        { "new", true, null, null, "a", OverwriteMode.Unchanged, ChangeAction.Create, false, "a" },
        { "up to date", true, "a", "a", "a", OverwriteMode.Unchanged, ChangeAction.None, false, "a" },
        { "changed on the source", true, "a", "a", "b", OverwriteMode.Unchanged, ChangeAction.Update, false, "b" },
        { "edited on the destination", true, "a", "x", "b", OverwriteMode.Unchanged, ChangeAction.Leave, true, "a" },
        { "gone from the source, untouched", false, "a", "a", "", OverwriteMode.Unchanged, ChangeAction.Delete, false, null },
        { "gone from the source, overwrite always", false, "a", "a", "", OverwriteMode.Always, ChangeAction.Delete, false, null },
        { "gone from the source, overwrite never", false, "a", "a", "", OverwriteMode.Never, ChangeAction.Leave, false, "a" },
        { "gone from the source, edited on the destination", false, "a", "x", "", OverwriteMode.Unchanged, ChangeAction.Leave, true, "a" },
        { "a person's addition", false, null, "x", "", OverwriteMode.Unchanged, ChangeAction.None, false, null },
        { "a person's addition, overwrite always", false, null, "x", "", OverwriteMode.Always, ChangeAction.None, false, null },
        { "gone from both", false, "a", null, "", OverwriteMode.Unchanged, ChangeAction.None, false, null },
        { "deleted on the destination", true, "a", null, "a", OverwriteMode.Unchanged, ChangeAction.Leave, false, "a" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decides_one_member(string row, bool inSource, string? baseFingerprint, string? destination, string desired, OverwriteMode overwrite,
        ChangeAction action, bool drift, string? state)
    {
        var outcome = MemberDecision.Decide(inSource, baseFingerprint, destination, desired, overwrite);

        Assert.True(action == outcome.Action, $"{row}: {outcome.Action}");
        Assert.Equal(drift, outcome.IsDrift);
        Assert.Equal(state, outcome.StateFingerprint);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }
}
