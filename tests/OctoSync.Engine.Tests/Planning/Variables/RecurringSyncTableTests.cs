using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Variables;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>Every cell of the recurring-sync table (spec §6) for one variable value, under never/unchanged/always.</summary>
public class RecurringSyncTableTests
{
    public enum Cell { UnchangedSourceSame, UnchangedSourceChanged, EditedOnDestination, DeletedOnDestination, NoBaseAndDiffers }

    /// <summary>(overwrite, cell) → the value's decision and the destination's X values afterwards.</summary>
    public static TheoryData<OverwriteMode, Cell, ChangeAction, bool, string[]> Table => new()
    {
        { OverwriteMode.Never, Cell.UnchangedSourceSame, ChangeAction.None, false, ["X | v1 | Production"] },
        { OverwriteMode.Unchanged, Cell.UnchangedSourceSame, ChangeAction.None, false, ["X | v1 | Production"] },
        { OverwriteMode.Always, Cell.UnchangedSourceSame, ChangeAction.None, false, ["X | v1 | Production"] },
        { OverwriteMode.Never, Cell.UnchangedSourceChanged, ChangeAction.Leave, false, ["X | v1 | Production"] },
        { OverwriteMode.Unchanged, Cell.UnchangedSourceChanged, ChangeAction.Update, false, ["X | v2 | Production"] },
        { OverwriteMode.Always, Cell.UnchangedSourceChanged, ChangeAction.Update, false, ["X | v2 | Production"] },
        { OverwriteMode.Never, Cell.EditedOnDestination, ChangeAction.Leave, true, ["X | person | Production"] },
        { OverwriteMode.Unchanged, Cell.EditedOnDestination, ChangeAction.Leave, true, ["X | person | Production"] },
        { OverwriteMode.Always, Cell.EditedOnDestination, ChangeAction.Update, true, ["X | v2 | Production"] },
        { OverwriteMode.Never, Cell.DeletedOnDestination, ChangeAction.Leave, true, [] },
        { OverwriteMode.Unchanged, Cell.DeletedOnDestination, ChangeAction.Leave, true, [] },
        { OverwriteMode.Always, Cell.DeletedOnDestination, ChangeAction.Create, true, ["X | v2 | Production"] },
        { OverwriteMode.Never, Cell.NoBaseAndDiffers, ChangeAction.Leave, false, ["X | person | Production"] },
        { OverwriteMode.Unchanged, Cell.NoBaseAndDiffers, ChangeAction.Leave, false, ["X | person | Production"] },
        { OverwriteMode.Always, Cell.NoBaseAndDiffers, ChangeAction.Update, false, ["X | v2 | Production"] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_cell_decides_as_the_spec_says(OverwriteMode mode, Cell cell, ChangeAction action, bool drift, string[] after)
    {
        var s = new VariableScenario();
        s.Source.Project("OctoFx");
        var production = s.Source.Environment("Production");
        s.Destination.Project("OctoFx");
        s.Destination.Environment("Production");
        var rules = new VariableRules { Overwrite = mode };
        JsonObject SourceWith(string value) => Set("variableset-Projects-1", Value("x", "X", value, Env(production)), Value("y", "Other", "o"));

        var run1 = s.Plan(SourceWith("v1"), Set("variableset-Projects-101"), rules);
        var destination = VariableScenario.Apply(run1);
        var state = VariableScenario.Record(run1, null);
        var x = destination.Arr("Variables").Objects().Single(v => v.Name() == "X");
        switch (cell)
        {
            case Cell.EditedOnDestination:
                x["Value"] = "person";
                break;
            case Cell.DeletedOnDestination:
                destination.Arr("Variables").Remove(x);
                break;
            case Cell.NoBaseAndDiffers:
                x["Value"] = "person";
                state = null;
                break;
        }

        var run2 = s.Plan(SourceWith(cell == Cell.UnchangedSourceSame ? "v1" : "v2"), destination, rules, state);

        var detail = run2.Change.Details.Single(d => d.Item.StartsWith("X = ", StringComparison.Ordinal));
        Assert.Equal((action, drift), (detail.Action, detail.IsDrift));
        // A source change written onto an untouched value is the default behaviour; every other non-trivial cell is the policy's.
        var byDefault = action == ChangeAction.None || cell == Cell.UnchangedSourceChanged && action == ChangeAction.Update;
        Assert.Equal(byDefault ? "default" : $"rules.variables.overwrite: {mode.ToString().ToLowerInvariant()}", detail.Rule);
        Assert.Equal(after, s.Table(run2.Change.After).Where(r => r.StartsWith("X |", StringComparison.Ordinal)));
        Assert.Equal(action is ChangeAction.Create or ChangeAction.Update, run2.Change.Writes);
        // The other variable is untouched in every cell: decisions are per name.
        Assert.Equal(ChangeAction.None, run2.Change.Details.Single(d => d.Item.StartsWith("Other", StringComparison.Ordinal)).Action);
    }

    [Theory]
    [InlineData(OverwriteMode.Never)]
    [InlineData(OverwriteMode.Unchanged)]
    public void A_left_value_keeps_its_base_so_the_decision_is_stable(OverwriteMode mode)
    {
        var s = new VariableScenario();
        s.Source.Project("OctoFx");
        s.Destination.Project("OctoFx");
        var rules = new VariableRules { Overwrite = mode };
        var run1 = s.Plan(Set("vs", Value("x", "X", "v1")), Set("variableset-Projects-101"), rules);
        var destination = VariableScenario.Apply(run1);
        destination.Arr("Variables").Objects().Single()["Value"] = "person";
        var state = VariableScenario.Record(run1, null);

        VariableSetPlan run2 = s.Plan(Set("vs", Value("x", "X", "v2")), destination, rules, state);
        state = VariableScenario.Record(run2, state);
        var run3 = s.Plan(Set("vs", Value("x", "X", "v2")), destination, rules, state);

        Assert.Equal(ChangeAction.Leave, run3.Change.Details.Single().Action);
        Assert.True(run3.Change.Details.Single().IsDrift);
        Assert.Equal(run1.Change.StateUpdates, run2.Change.StateUpdates.Cast<StateUpdate>(), new StateUpdateComparer());
    }

    private sealed class StateUpdateComparer : IEqualityComparer<StateUpdate>
    {
        public bool Equals(StateUpdate? x, StateUpdate? y) =>
            x is StateUpdate.SetVariable a && y is StateUpdate.SetVariable b && a.Key == b.Key && a.Values.SequenceEqual(b.Values);

        public int GetHashCode(StateUpdate obj) => 0;
    }
}
