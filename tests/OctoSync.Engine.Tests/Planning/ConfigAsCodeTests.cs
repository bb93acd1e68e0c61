using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §4: a config-as-code project is reported and skipped, and nothing else is planned for it.</summary>
public class ConfigAsCodeTests
{
    [Fact]
    public void A_version_controlled_source_project_is_one_skip_and_nothing_else()
    {
        var source = PlanningFixture.DevTest()
            .Project("OctoFx", p => p.VersionControlled().Channel("Beta").Step("Deploy web").Variable("Url", "x"))
            .Project("Billing");
        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly());

        var skip = Assert.Single(plan.Changes, c => c.Owner == "OctoFx" || c.Key.StartsWith("OctoFx", StringComparison.Ordinal));
        Assert.Equal((ResourceKind.Project, ChangeAction.Skip, "config-as-code"), (skip.Kind, skip.Action, skip.Rule));
        Assert.Contains("config as code", skip.Reason, StringComparison.Ordinal);
        Assert.Equal(ChangeAction.Create, plan.Single(ResourceKind.Project, "Billing").Action);
    }

    [Fact]
    public void A_project_stored_in_git_on_the_destination_is_skipped_too()
    {
        var destination = PlanningFixture.ProductionOnly()
            .Project("OctoFx")
            .Customize(ResourceKind.Project, "OctoFx", p => p["PersistenceSettings"] = new System.Text.Json.Nodes.JsonObject { ["Type"] = "VersionControlled" });
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest().Project("OctoFx"), destination);

        var skip = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(("config-as-code", ChangeAction.Skip), (skip.Rule, skip.Action));
        Assert.Contains("on the destination", skip.Reason, StringComparison.Ordinal);
    }
}
