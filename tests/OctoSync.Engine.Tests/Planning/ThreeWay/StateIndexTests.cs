using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.ThreeWay;

/// <summary>The state indexed once per run: lookups by source id, variable names per set, keys under a prefix.</summary>
public class StateIndexTests
{
    private static readonly SyncState State = SyncState.Empty("prod").With(
    [
        new StateUpdate.SetObject("Step:OctoFx/Smoke test Dev/Test", new ObjectState("f1", null, "src-1", "Smoke test Dev/Test")),
        new StateUpdate.SetObject("Step:OctoFx/Refresh database/Restore", new ObjectState("f2", null, "src-2", "Restore")),
        new StateUpdate.SetObject("Channel:OctoFx/Beta", new ObjectState("f3", null, "src-1", "Beta")),
        new StateUpdate.SetObject("Step:OctoFxLegacy/Deploy", new ObjectState("f4")),
        new StateUpdate.SetVariable("Project:OctoFx/A", [new VariableValueState("v", "s", "d", "w", false, "")]),
        new StateUpdate.SetVariable("Project:OctoFx/B/C", [new VariableValueState("v2", "s", "d", "w", false, "")]),
        new StateUpdate.SetVariable("Project:OctoFx/Beta/X", [new VariableValueState("v3", "s", "d", "w", false, "")]),
    ]);

    [Fact]
    public void Source_ids_are_looked_up_per_kind()
    {
        var index = StateIndex.Of(State);

        Assert.Equal("Step:OctoFx/Smoke test Dev/Test", index.KeyOfSource("Step", "src-1"));
        Assert.Equal("Channel:OctoFx/Beta", index.KeyOfSource("Channel", "src-1"));
        Assert.Null(index.KeyOfSource("Runbook", "src-1"));
    }

    [Fact]
    public void A_variable_set_gets_every_name_recorded_under_its_key_including_names_with_slashes()
    {
        var names = StateIndex.Of(State).VariablesOf("Project:OctoFx").Select(v => v.Name).ToList();

        Assert.Equal(["A", "B/C", "Beta/X"], names);
        Assert.Empty(StateIndex.Of(State).VariablesOf("Project:Other"));
    }

    [Fact]
    public void Keys_under_a_prefix_never_include_a_project_whose_name_merely_starts_alike()
    {
        Assert.Equal(["Step:OctoFx/Refresh database/Restore", "Step:OctoFx/Smoke test Dev/Test"], StateIndex.Of(State).ObjectKeysUnder("Step:OctoFx/"));
    }

    [Fact]
    public void The_index_is_built_once_per_state()
    {
        Assert.Same(StateIndex.Of(State), StateIndex.Of(State));
        Assert.Null(StateIndex.Of(null).Object("Step:OctoFx/A"));
    }
}
