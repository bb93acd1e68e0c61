using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §5.2: lifecycles skip / sync / lifecycleMap, and the lifecycle a project gets.</summary>
public class LifecycleTests
{
    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .Lifecycle("Dev only", ("Dev", ["Development"]))
        .Lifecycle("Main", ("Dev", ["Development"]), ("Test", ["Test"]), ("Production", ["Production"]))
        .Project("OctoFx", p => p.Lifecycle("Main"));

    [Fact]
    public void Skip_writes_no_lifecycle_and_a_new_project_gets_the_default_lifecycle()
    {
        var destination = PlanningFixture.ProductionOnly();
        var plan = PlanningFixture.Plan(Source(), destination);

        Assert.DoesNotContain(plan.Changes, c => c.Kind == ResourceKind.Lifecycle);
        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(destination.IdOf(ResourceKind.Lifecycle, "Default Lifecycle"), project.After!.Str("LifecycleId"));
        Assert.Contains(project.Details, d => d.Item == "lifecycle" && d.Rule == "rules.lifecycles: skip");
    }

    [Fact]
    public void Skip_gives_a_new_project_the_destination_lifecycle_of_the_same_name()
    {
        var destination = PlanningFixture.ProductionOnly().Lifecycle("Main", ("Production", ["Production"]));
        var plan = PlanningFixture.Plan(Source(), destination);

        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(destination.IdOf(ResourceKind.Lifecycle, "Main"), project.After!.Str("LifecycleId"));
        Assert.Contains(project.Details, d => d.Item == "lifecycle" && d.Rule == "same name");
    }

    [Fact]
    public void LifecycleMap_wins_over_the_same_name()
    {
        var destination = PlanningFixture.ProductionOnly().Lifecycle("Main").Lifecycle("Production only", ("Production", ["Production"]));
        var rules = new SyncRules { LifecycleMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Main"] = "Production only" } };
        var plan = PlanningFixture.Plan(Source(), destination, rules);

        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(destination.IdOf(ResourceKind.Lifecycle, "Production only"), project.After!.Str("LifecycleId"));
        Assert.Contains(project.Details, d => d.Rule == "rules.lifecycleMap: Main: Production only");
    }

    [Fact]
    public void Skip_leaves_an_existing_project_on_its_own_lifecycle()
    {
        var destination = PlanningFixture.ProductionOnly().Lifecycle("Main").Lifecycle("Prod").Project("OctoFx", p => p.Lifecycle("Prod"));
        var plan = PlanningFixture.Plan(Source(), destination);

        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(ChangeAction.None, project.Action);
    }

    [Fact]
    public void Sync_creates_lifecycles_with_phases_translated_and_empty_phases_dropped()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), new SyncRules { Lifecycles = LifecyclesMode.Sync });

        var main = plan.Single(ResourceKind.Lifecycle, "Main");
        Assert.Equal(ChangeAction.Create, main.Action);
        Assert.Equal(["Production"], main.After!.Arr("Phases").Objects().Select(p => p.Name()));
        Assert.Equal(2, main.Details.Count(d => d.Action == ChangeAction.Skip && d.Rule == "rules.lifecycles: sync"));
        Assert.Null(main.After!.Arr("Phases").Objects().Single()["Id"]);
    }

    [Fact]
    public void Two_source_environments_mapped_onto_one_are_listed_once_with_the_minimum_recomputed_and_a_warning()
    {
        var source = PlanningFixture.DevTest().Lifecycle("Both", ("Pre-production", ["Development", "Test"]), ("Again", ["Test"]));
        var destination = PlanningFixture.ProductionOnly().Environment("Staging");
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Development"] = "Staging", ["Test"] = "Staging" };
        var input = PlanningFixture.Input(source, destination, new SyncRules { Lifecycles = LifecyclesMode.Sync }, map);
        var phase = (System.Text.Json.Nodes.JsonObject)input.Source.Lifecycles.Single(l => l.Name() == "Both").Arr("Phases")[0]!;
        phase["MinimumEnvironmentsBeforePromotion"] = 2;

        var plan = SyncPlanner.Plan(input);

        var both = plan.Single(ResourceKind.Lifecycle, "Both");
        var phases = both.After!.Arr("Phases").Objects().ToList();
        var written = Assert.Single(phases);
        Assert.Equal([destination.IdOf(ResourceKind.Environment, "Staging")], written.Strings("AutomaticDeploymentTargets"));
        Assert.Equal(1, written["MinimumEnvironmentsBeforePromotion"]!.GetValue<int>());
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Summary.Contains("several source environments map to the same destination environment", StringComparison.Ordinal));
    }

    [Fact]
    public void Sync_skips_a_lifecycle_with_no_phase_left_and_the_project_falls_back_to_the_default()
    {
        var source = PlanningFixture.DevTest().Lifecycle("Dev only", ("Dev", ["Development"])).Project("Sandbox", p => p.Lifecycle("Dev only"));
        var destination = PlanningFixture.ProductionOnly();
        var plan = PlanningFixture.Plan(source, destination, new SyncRules { Lifecycles = LifecyclesMode.Sync });

        var skipped = plan.Single(ResourceKind.Lifecycle, "Dev only");
        Assert.Equal(ChangeAction.Skip, skipped.Action);
        Assert.Equal("rules.lifecycles: sync", skipped.Rule);
        Assert.Contains(plan.Diagnostics, d => d.Subject == "Dev only");
        Assert.Equal(destination.IdOf(ResourceKind.Lifecycle, "Default Lifecycle"), plan.Single(ResourceKind.Project, "Sandbox").After!.Str("LifecycleId"));
    }

    [Fact]
    public void Sync_gives_a_new_project_its_synced_lifecycle_as_a_token()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), new SyncRules { Lifecycles = LifecyclesMode.Sync });

        Assert.Equal(ReferenceToken.For(ResourceKind.Lifecycle, "Main"), plan.Single(ResourceKind.Project, "OctoFx").After!.Str("LifecycleId"));
        var order = plan.Changes.ToList();
        Assert.True(order.FindIndex(c => c.Kind == ResourceKind.Lifecycle) < order.FindIndex(c => c.Kind == ResourceKind.Project));
    }
}
