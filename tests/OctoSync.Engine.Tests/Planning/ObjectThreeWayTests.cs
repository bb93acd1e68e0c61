using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>The spec §6 table applied to objects (here a project's settings) across two syncs.</summary>
public class ObjectThreeWayTests
{
    private static SnapshotBuilder Source(string description = "FX trading") =>
        PlanningFixture.DevTest().Project("OctoFx", p => p.Description(description));

    /// <summary>The first sync, applied: the destination and state a second sync starts from.</summary>
    private static (SpaceSnapshot Destination, SyncState State) FirstSync()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly());
        return FakeApplier.Apply(SyncPlanner.Plan(input), input.Destination);
    }

    private static Change SecondSync(SpaceSnapshot destination, SyncState state, string description, OverwriteMode overwrite = OverwriteMode.Unchanged)
    {
        var rules = new SyncRules { Variables = new VariableRules { Overwrite = overwrite } };
        var input = PlanningFixture.Input(Source(description), PlanningFixture.ProductionOnly(), rules) with { Destination = destination, State = state };
        return SyncPlanner.Plan(input).Single(ResourceKind.Project, "OctoFx");
    }

    private static SpaceSnapshot EditProject(SpaceSnapshot destination, Action<JsonObject> edit) =>
        destination with { Projects = [.. destination.Projects.Select(p => { var c = p.Clone(); edit(c); return c; })] };

    [Theory]
    [InlineData(OverwriteMode.Never, ChangeAction.None)]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.None)]
    [InlineData(OverwriteMode.Always, ChangeAction.None)]
    public void Nothing_changed_anywhere_is_nothing(OverwriteMode mode, ChangeAction expected)
    {
        var (destination, state) = FirstSync();
        Assert.Equal(expected, SecondSync(destination, state, "FX trading", mode).Action);
    }

    [Theory]
    [InlineData(OverwriteMode.Never, ChangeAction.Leave, "rules.variables.overwrite: never")]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Update, "default")]
    [InlineData(OverwriteMode.Always, ChangeAction.Update, "default")]
    public void A_source_change_updates_an_untouched_destination(OverwriteMode mode, ChangeAction expected, string rule)
    {
        var (destination, state) = FirstSync();
        var change = SecondSync(destination, state, "FX trading platform", mode);

        Assert.Equal((expected, rule), (change.Action, change.Rule));
        if (expected == ChangeAction.Update)
        {
            Assert.Equal("FX trading platform", change.After!.Str("Description"));
        }
    }

    [Theory]
    [InlineData(OverwriteMode.Never, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Always, ChangeAction.Update)]
    public void Drift_on_the_destination_is_left_and_reported_unless_always(OverwriteMode mode, ChangeAction expected)
    {
        var (destination, state) = FirstSync();
        destination = EditProject(destination, p => p["Description"] = "Edited in production");
        var change = SecondSync(destination, state, "FX trading platform", mode);

        Assert.Equal(expected, change.Action);
        Assert.Contains(change.Details, d => d.IsDrift);
    }

    [Theory]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Always, ChangeAction.Create)]
    public void A_project_deleted_on_the_destination_stays_deleted_unless_always(OverwriteMode mode, ChangeAction expected)
    {
        var (destination, state) = FirstSync();
        destination = destination with { Projects = [] };
        var change = SecondSync(destination, state, "FX trading", mode);

        Assert.Equal(expected, change.Action);
        Assert.Contains("Deleted on the destination", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Always, ChangeAction.Update)]
    public void An_object_not_written_by_OctoSync_is_left_unless_always(OverwriteMode mode, ChangeAction expected)
    {
        var destination = PlanningFixture.ProductionOnly().Project("OctoFx", p => p.Description("Production's own"));
        var rules = new SyncRules { Variables = new VariableRules { Overwrite = mode } };
        var change = PlanningFixture.Plan(Source(), destination, rules).Single(ResourceKind.Project, "OctoFx");

        Assert.Equal(expected, change.Action);
        Assert.Contains("not written by OctoSync", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_already_equal_is_adopted_into_the_state()
    {
        var destination = PlanningFixture.ProductionOnly().Project("OctoFx", p => p.Description("FX trading"));
        var change = PlanningFixture.Plan(Source(), destination).Single(ResourceKind.Project, "OctoFx");

        Assert.Equal(ChangeAction.None, change.Action);
        var update = Assert.IsType<StateUpdate.SetObject>(Assert.Single(change.StateUpdates));
        Assert.Equal("Project:OctoFx", update.Key);
    }

    [Fact]
    public void An_update_keeps_every_field_OctoSync_does_not_manage()
    {
        var (destination, state) = FirstSync();
        destination = EditProject(destination, p => p["FieldFromANewerOctopus"] = new JsonObject { ["Keep"] = true });
        var change = SecondSync(destination, state, "FX trading platform");

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.True(change.After!.Obj("FieldFromANewerOctopus")!.Bool("Keep"));
        Assert.Equal(destination.Projects[0].Str("LifecycleId"), change.After!.Str("LifecycleId"));
    }

    [Fact]
    public void The_projects_own_overwrite_rule_decides_for_that_project()
    {
        var destination = PlanningFixture.ProductionOnly().Project("OctoFx", p => p.Description("Production's own"));
        var input = PlanningFixture.Input(Source(), destination) with
        {
            Rules = new RuleSet
            {
                Projects = new Dictionary<string, SyncRules>(StringComparer.OrdinalIgnoreCase)
                {
                    ["OctoFx"] = new() { Variables = new VariableRules { Overwrite = OverwriteMode.Always } },
                },
            },
        };

        Assert.Equal(ChangeAction.Update, SyncPlanner.Plan(input).Single(ResourceKind.Project, "OctoFx").Action);
    }
}
