using System.Text;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Properties of the whole plan: determinism, idempotence after apply, dependency order.</summary>
public class PlanPropertiesTests
{
    private static readonly SyncRules Everything = new()
    {
        Lifecycles = LifecyclesMode.Sync,
        Accounts = ReferenceMode.Placeholder,
        Certificates = ReferenceMode.Placeholder,
    };

    /// <summary>One of each kind this planner owns.</summary>
    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .TagSet("Region", "EU", "US")
        .ProjectGroup("Web")
        .Feed("NuGet.org")
        .WorkerPool("Windows workers")
        .Account("Azure Prod", "Production")
        .Certificate("Web TLS")
        .StepTemplate("Slack - Notify", parameters: ["Channel"])
        .ScriptModule("Helpers")
        .LibraryVariableSet("Common", v => v.Variable("Common.Url", "https://example"))
        .Lifecycle("Main", ("Dev", ["Development"]), ("Release", ["Test", "Production"]))
        .Project("OctoFx", p => p.Group("Web").Lifecycle("Main").IncludeLibrarySet("Common").IncludeLibrarySet("Helpers")
            .Channel("Hotfix", "Main", false, "Region/EU").Step("Deploy web", s => s.WorkerPool("Windows workers")))
        .Tenant("Test tenant", t => t.Connect("OctoFx", "Development", "Test", "Production").Tags("Region/EU"));

    [Fact]
    public void The_same_input_gives_the_same_plan()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly(), Everything);

        Assert.Equal(Render(SyncPlanner.Plan(input)), Render(SyncPlanner.Plan(input)));
    }

    [Fact]
    public void The_order_the_api_returned_objects_in_does_not_matter()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly(), Everything);
        var s = input.Source;
        var reversed = input with
        {
            Source = s with
            {
                Environments = [.. s.Environments.Reverse()],
                Projects = [.. s.Projects.Reverse()],
                Channels = [.. s.Channels.Reverse()],
                Tenants = [.. s.Tenants.Reverse()],
                Lifecycles = [.. s.Lifecycles.Reverse()],
                Accounts = [.. s.Accounts.Reverse()],
                LibraryVariableSets = [.. s.LibraryVariableSets.Reverse()],
                Feeds = [.. s.Feeds.Reverse()],
                TagSets = [.. s.TagSets.Reverse()],
            },
        };

        Assert.Equal(Render(SyncPlanner.Plan(input)), Render(SyncPlanner.Plan(reversed)));
    }

    public static TheoryData<string, SyncRules> RuleSets => new()
    {
        { "defaults", new SyncRules() },
        { "lifecycles sync, placeholders", Everything },
        { "createMissing", new SyncRules { Environments = new EnvironmentRules { CreateMissing = true }, Lifecycles = LifecyclesMode.Sync } },
        { "channels skip", new SyncRules { Channels = ChannelsMode.Skip } },
    };

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void A_second_plan_after_applying_the_first_writes_nothing(string name, SyncRules rules)
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly(), rules);
        var first = SyncPlanner.Plan(input);
        Assert.True(first.HasWrites);

        var (destination, state) = FakeApplier.Apply(first, input.Destination);
        var second = SyncPlanner.Plan(input with { Destination = destination, State = state });

        Assert.False(second.HasWrites, name + ": " + string.Join("\n", second.Changes.Where(c => c.Writes).Select(c => $"{c.Action} {c.Kind} {c.Key}: {c.Reason}")));
        Assert.DoesNotContain(second.Changes, c => c.Action == ChangeAction.Leave);
    }

    [Fact]
    public void Changes_come_in_dependency_order()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), Everything);
        ResourceKind[] order =
        [
            ResourceKind.TagSet, ResourceKind.ProjectGroup, ResourceKind.Feed, ResourceKind.WorkerPool, ResourceKind.Account,
            ResourceKind.Certificate, ResourceKind.ActionTemplate, ResourceKind.ScriptModule, ResourceKind.LibraryVariableSet,
            ResourceKind.Lifecycle, ResourceKind.Project, ResourceKind.Channel, ResourceKind.DeploymentProcess, ResourceKind.Tenant,
        ];

        var positions = order.Select(k => plan.Changes.ToList().FindIndex(c => c.Kind == k)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        var kinds = plan.Changes.Select(c => c.Kind).ToList();
        Assert.Equal(ResourceKind.VariableSet, kinds[kinds.IndexOf(ResourceKind.LibraryVariableSet) + 1]);
        Assert.Equal(ResourceKind.VariableSet, kinds[kinds.IndexOf(ResourceKind.DeploymentProcess) + 1]);
    }

    [Fact]
    public void Every_change_has_a_rule_and_a_reason_and_every_write_a_state_update()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), Everything);

        Assert.All(plan.Changes, c => Assert.False(string.IsNullOrWhiteSpace(c.Rule) || string.IsNullOrWhiteSpace(c.Reason)));
        Assert.All(plan.Changes.Where(c => c.Writes && c.Kind is not (ResourceKind.VariableSet or ResourceKind.DeploymentProcess)),
            c => Assert.NotEmpty(c.StateUpdates));
    }

    [Fact]
    public void A_deselected_object_is_not_planned_and_references_to_it_resolve_by_name_only()
    {
        var select = new Selection { ProjectGroups = new NameFilter(["*"], ["Web"]), Feeds = NameFilter.None };
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), select: select);

        Assert.Null(plan.Find(ResourceKind.ProjectGroup, "Web"));
        Assert.Null(plan.Find(ResourceKind.Feed, "NuGet.org"));
        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(PlanningFixture.ProductionOnly().IdOf(ResourceKind.ProjectGroup, "Default Project Group"), project.After!.Str("ProjectGroupId"));
    }

    private static string Render(Plan plan)
    {
        var text = new StringBuilder();
        foreach (var c in plan.Changes)
        {
            text.AppendLine($"{c.Kind} {c.Key} {c.Action} [{c.Rule}] {c.Reason} {c.DestinationId} {c.After?.ToJsonString()} {string.Join(",", c.StateUpdates)}");
        }

        foreach (var d in plan.Diagnostics.Cast<object>().Concat(plan.Cleanup).Concat(plan.EnvironmentMappings))
        {
            text.AppendLine(d.ToString());
        }

        return text.ToString();
    }
}
