using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §5.1: explicit mapping, same name, excluded, createMissing.</summary>
public class EnvironmentMappingTests
{
    private static readonly Dictionary<string, string> TestToStaging = new(StringComparer.OrdinalIgnoreCase) { ["Test"] = "Staging" };

    [Theory]
    [InlineData("Development", null, "excluded")]
    [InlineData("Test", "Staging", "environments: Test: Staging")]
    [InlineData("Staging", "Staging", "same name")]
    [InlineData("Production", "Production", "same name")]
    public void Every_source_environment_is_listed_with_its_rule(string source, string? destination, string rule)
    {
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest(), new SnapshotBuilder("Spaces-2").Environment("Staging").Environment("Production"), environments: TestToStaging);

        Assert.Equal(4, plan.EnvironmentMappings.Count);
        Assert.Contains(new EnvironmentMapping(source, destination, rule), plan.EnvironmentMappings);
    }

    [Fact]
    public void An_excluded_environment_is_not_created_by_default()
    {
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest(), PlanningFixture.ProductionOnly());

        Assert.DoesNotContain(plan.Changes, c => c.Kind == ResourceKind.Environment);
    }

    [Fact]
    public void CreateMissing_creates_unmapped_environments_instead_of_excluding_them()
    {
        var rules = new SyncRules { Environments = new EnvironmentRules { CreateMissing = true } };
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest(), PlanningFixture.ProductionOnly(), rules);

        var create = plan.Single(ResourceKind.Environment, "Development");
        Assert.Equal(ChangeAction.Create, create.Action);
        Assert.Equal("rules.environments.createMissing: true", create.Rule);
        Assert.Equal("Development", create.After!.Name());
        Assert.Null(create.After!["Id"]);
        Assert.Contains(new EnvironmentMapping("Development", "Development", "rules.environments.createMissing: true"), plan.EnvironmentMappings);
        Assert.Null(plan.Find(ResourceKind.Environment, "Production"));
    }

    [Fact]
    public void A_mapping_to_a_missing_destination_environment_is_an_error()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Test"] = "QA" };
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest(), PlanningFixture.ProductionOnly(), environments: map);

        Assert.True(plan.HasErrors);
        Assert.Contains(new EnvironmentMapping("Test", null, "environments: Test: QA"), plan.EnvironmentMappings);
    }

    [Fact]
    public void Excluded_environments_drop_out_of_translated_references()
    {
        var source = PlanningFixture.DevTest().Lifecycle("Main", ("Dev", ["Development"]), ("Release", ["Test", "Production"]));
        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly(), new SyncRules { Lifecycles = LifecyclesMode.Sync });

        var phases = plan.Single(ResourceKind.Lifecycle, "Main").After!.Arr("Phases").Objects().ToList();
        var release = Assert.Single(phases);
        Assert.Equal(["Environments-101"], release.Strings("AutomaticDeploymentTargets"));
    }
}
