using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>Spec §4: every id an action carries is rewritten to the destination's object of the same name.</summary>
public class ActionReferencesTests
{
    private static JsonObject Translated(Action<JsonObject> configure, ProcessScenario? scenario = null)
    {
        var plan = (scenario ?? new ProcessScenario()) with { Source = [ProcessFixture.Step("Deploy web", configure)] };
        return plan.Plan().Action("Deploy web");
    }

    private static JsonObject Props(JsonObject action) => action.Obj("Properties")!;

    [Theory]
    [InlineData("Octopus.Action.Azure.AccountId", "Accounts-1", "Accounts-61")]
    [InlineData("Octopus.Action.AwsAccount.AccountId", "Accounts-1", "Accounts-61")]
    [InlineData("Octopus.Action.Certificate.Id", "Certificates-1", "Certificates-71")]
    [InlineData("Octopus.Action.Package.FeedId", "Feeds-1", "Feeds-41")]
    [InlineData("Octopus.Action.Package.FeedId", "feeds-builtin", "feeds-builtin")]
    [InlineData("Some.WorkerPool", "WorkerPools-1", "WorkerPools-51")]
    [InlineData("Octopus.Action.DeployRelease.ProjectId", "Projects-1", "Projects-21")]
    [InlineData("Octopus.Action.Template.Id", "ActionTemplates-1", "ActionTemplates-81")]
    [InlineData("Octopus.Action.Azure.AccountId", "#{Azure.Account}", "#{Azure.Account}")]
    [InlineData("Octopus.Action.Script.ScriptBody", "echo Accounts-1 is not a whole value", "echo Accounts-1 is not a whole value")]
    [InlineData("Web.Package", "{\"PackageId\":\"Web\",\"FeedId\":\"Feeds-1\"}", "{\"PackageId\":\"Web\",\"FeedId\":\"Feeds-41\"}")]
    [InlineData("Web.Settings", "{ \"Mode\": \"Feeds\" }", "{ \"Mode\": \"Feeds\" }")]
    public void Property_values_that_are_source_ids_are_translated(string property, string value, string expected)
    {
        var action = Translated(a => Props(a)[property] = value);
        Assert.Equal(expected, Props(action).Str(property));
    }

    [Fact]
    public void A_step_template_reference_takes_the_destination_templates_version()
    {
        var action = Translated(a =>
        {
            Props(a)["Octopus.Action.Template.Id"] = "ActionTemplates-1";
            Props(a)["Octopus.Action.Template.Version"] = "3";
        });
        Assert.Equal("ActionTemplates-81", Props(action).Str("Octopus.Action.Template.Id"));
        Assert.Equal("5", Props(action).Str("Octopus.Action.Template.Version"));
    }

    [Fact]
    public void A_template_this_plan_creates_keeps_the_source_version_and_gets_a_token()
    {
        var action = Translated(a => Props(a)["Octopus.Action.Template.Id"] = "ActionTemplates-1", new ProcessScenario
        {
            Teach = t =>
            {
                t.Map(ResourceKind.ActionTemplate, "Slack - Notify", "Slack v2");
                t.PlanCreate(ResourceKind.ActionTemplate, "Slack v2");
            },
        });
        Assert.Equal(ReferenceToken.For(ResourceKind.ActionTemplate, "Slack v2"), Props(action).Str("Octopus.Action.Template.Id"));
        Assert.Null(Props(action).Str("Octopus.Action.Template.Version"));
    }

    [Fact]
    public void Worker_pool_packages_and_container_feeds_are_translated()
    {
        var action = Translated(a =>
        {
            a["WorkerPoolId"] = "WorkerPools-1";
            a["Packages"] = new JsonArray(
                new JsonObject { ["Id"] = "p1", ["Name"] = "", ["PackageId"] = "Web", ["FeedId"] = "Feeds-1" },
                new JsonObject { ["Id"] = "p2", ["Name"] = "tools", ["PackageId"] = "Tools", ["FeedId"] = "feeds-builtin" },
                new JsonObject { ["Id"] = "p3", ["Name"] = "release", ["PackageId"] = "Projects-1", ["FeedId"] = "feeds-builtin-releases" });
            a["Container"] = new JsonObject { ["Image"] = "octopusdeploy/worker-tools", ["FeedId"] = "Feeds-1" };
        });

        Assert.Equal("WorkerPools-51", action.Str("WorkerPoolId"));
        var packages = action.Arr("Packages").Objects().ToList();
        Assert.Equal(["Feeds-41", "feeds-builtin", "feeds-builtin-releases"], packages.Select(p => p.Str("FeedId")));
        Assert.Equal(["Web", "Tools", "Projects-21"], packages.Select(p => p.Str("PackageId")));
        Assert.All(packages, p => Assert.False(p.ContainsKey("Id")));
        Assert.Equal("Feeds-41", action.Obj("Container")!.Str("FeedId"));
    }

    [Fact]
    public void Responsible_teams_are_translated_and_a_missing_team_is_dropped_with_a_warning()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Approve release", a => Props(a)["Octopus.Action.Manual.ResponsibleTeamIds"] = "Teams-1, Teams-2,teams-managers")],
        }.Plan();

        Assert.Equal("Teams-91,teams-managers", Props(plan.Action("Approve release")).Str("Octopus.Action.Manual.ResponsibleTeamIds"));
        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("Devs", warning.Summary, StringComparison.Ordinal);
    }

    /// <summary>Spec §5.6: a reference that does not reach the destination skips the referencing step, naming the rule.</summary>
    [Theory]
    [InlineData("Octopus.Action.Azure.AccountId", "Accounts-2", ReferenceMode.ByName, "rules.accounts: by-name")]
    [InlineData("Octopus.Action.Azure.AccountId", "Accounts-1", ReferenceMode.Skip, "rules.accounts: skip")]
    [InlineData("Octopus.Action.Certificate.Id", "Certificates-1", ReferenceMode.Skip, "rules.certificates: skip")]
    [InlineData("WorkerPoolId", "WorkerPools-2", ReferenceMode.ByName, "default")]
    public void A_missing_reference_skips_the_step_with_the_rule(string field, string id, ReferenceMode mode, string expectedRule)
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web", a =>
            {
                if (field == "WorkerPoolId")
                {
                    a["WorkerPoolId"] = id;
                }
                else
                {
                    Props(a)[field] = id;
                }
            }), ProcessFixture.Step("Smoke test")],
            Rules = new SyncRules { Accounts = mode, Certificates = mode },
            Teach = t =>
            {
                // rules.accounts/certificates: skip — the accounts planner excluded them.
                if (mode == ReferenceMode.Skip)
                {
                    t.Exclude(ResourceKind.Account, "Azure Prod");
                    t.Exclude(ResourceKind.Certificate, "Wildcard");
                }
            },
        }.Plan();

        var detail = plan.Detail("Deploy web");
        Assert.Equal(ChangeAction.Skip, detail.Action);
        Assert.Equal(expectedRule, detail.Rule);
        Assert.Equal(["Smoke test"], plan.Names());
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Subject!.Contains("Deploy web", StringComparison.Ordinal));
    }
}
