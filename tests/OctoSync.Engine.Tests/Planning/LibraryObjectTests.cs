using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Tag sets, feeds, worker pools, step templates, script modules and library variable sets.</summary>
public class LibraryObjectTests
{
    private static readonly SyncRules Always = new() { Variables = new VariableRules { Overwrite = OverwriteMode.Always } };

    [Fact]
    public void Tags_that_exist_only_on_the_destination_are_kept_and_existing_tags_keep_their_ids()
    {
        var destination = PlanningFixture.ProductionOnly().TagSet("Region", "EU", "APAC");
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest().TagSet("Region", "EU", "US"), destination, Always);

        var tags = plan.Single(ResourceKind.TagSet, "Region").After!.Arr("Tags").Objects().ToList();
        // The destination's order is kept; the source's new tags go last (docs/rules.md "Tag sets").
        Assert.Equal(["EU", "APAC", "US"], tags.Select(t => t.Name()));
        Assert.Equal(destination.Build().TagSets[0].Arr("Tags").Objects().First().Str("Id"), tags[0].Str("Id"));
        Assert.Null(tags[2]["Id"]);
    }

    [Fact]
    public void The_built_in_feed_is_mapped_by_type_and_never_written()
    {
        var source = PlanningFixture.DevTest().Customize(ResourceKind.Feed, "Octopus Server (built-in)", f => f["Name"] = "Built-in");
        var input = PlanningFixture.Input(source, PlanningFixture.ProductionOnly());
        var session = new PlanningSession(input);
        Engine.Planning.Feeds.FeedPlanner.Plan(session);

        Assert.Empty(session.Changes);
        Assert.Equal("feeds-builtin", session.Translator.Translate("feeds-builtin"));
    }

    [Fact]
    public void An_existing_feed_keeps_its_own_password_on_update()
    {
        var source = PlanningFixture.DevTest().Feed("Private", uri: "https://new.example/nuget");
        var destination = PlanningFixture.ProductionOnly().Feed("Private", uri: "https://old.example/nuget");
        var plan = PlanningFixture.Plan(source, destination, Always);

        var feed = plan.Single(ResourceKind.Feed, "Private");
        Assert.Equal(ChangeAction.Update, feed.Action);
        Assert.Equal("https://new.example/nuget", feed.After!.Str("FeedUri"));
        Assert.Null(feed.After!.Obj("Password")!["NewValue"]);
        Assert.True(feed.After!.Obj("Password")!.Bool("HasValue"));
        Assert.Empty(plan.Cleanup);
    }

    [Fact]
    public void A_dynamic_worker_pool_is_used_by_name_or_skipped_and_the_default_pool_stands_for_the_destinations()
    {
        var source = PlanningFixture.DevTest().WorkerPool("Hosted Ubuntu", dynamic: true).WorkerPool("Hosted Windows", dynamic: true);
        var destination = new SnapshotBuilder("Spaces-2", withDefaults: false).Environment("Production")
            .WorkerPool("Hosted Ubuntu", dynamic: true).WorkerPool("Prod pool", isDefault: true);
        var input = PlanningFixture.Input(source, destination);
        var session = new PlanningSession(input);
        Engine.Planning.WorkerPools.WorkerPoolPlanner.Plan(session);

        var change = Assert.Single(session.Changes);
        Assert.Equal(("Hosted Windows", ChangeAction.Skip), (change.Key, change.Action));
        Assert.Equal(destination.IdOf(ResourceKind.WorkerPool, "Hosted Ubuntu"), session.Translator.TranslateKey(ResourceKind.WorkerPool, "Hosted Ubuntu"));
        Assert.Equal(destination.IdOf(ResourceKind.WorkerPool, "Prod pool"), session.Translator.TranslateKey(ResourceKind.WorkerPool, "Default Worker Pool"));
    }

    [Fact]
    public void A_new_static_worker_pool_is_created_and_is_not_the_default()
    {
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest().WorkerPool("Windows workers"), PlanningFixture.ProductionOnly());

        var pool = plan.Single(ResourceKind.WorkerPool, "Windows workers");
        Assert.Equal(ChangeAction.Create, pool.Action);
        Assert.False(pool.After!.Bool("IsDefault"));
        Assert.Null(pool.After!["CanAddWorkers"]);
    }

    [Fact]
    public void A_step_templates_version_is_left_to_the_server()
    {
        var source = PlanningFixture.DevTest().StepTemplate("Slack - Notify", "Send-Slack", version: 3, "Channel");
        var destination = PlanningFixture.ProductionOnly().StepTemplate("Slack - Notify", "Send-Slack", version: 11, "Channel");

        Assert.Equal(ChangeAction.None, PlanningFixture.Plan(source, destination).Single(ResourceKind.ActionTemplate, "Slack - Notify").Action);

        var changed = PlanningFixture.DevTest().StepTemplate("Slack - Notify", "Send-Slack -Verbose", version: 4, "Channel");
        var update = PlanningFixture.Plan(changed, destination, Always).Single(ResourceKind.ActionTemplate, "Slack - Notify");
        Assert.Equal(ChangeAction.Update, update.Action);
        Assert.Equal(11, update.After!["Version"]!.GetValue<int>());
        Assert.Equal("Send-Slack -Verbose", update.After!.Obj("Properties")!.Str("Octopus.Action.Script.ScriptBody"));
    }

    [Fact]
    public void A_community_step_template_missing_on_the_destination_is_reported()
    {
        var source = PlanningFixture.DevTest().StepTemplate("Slack - Notify")
            .Customize(ResourceKind.ActionTemplate, "Slack - Notify", t => t["CommunityActionTemplateId"] = "CommunityActionTemplates-42");
        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly());

        Assert.Equal(ChangeAction.Skip, plan.Single(ResourceKind.ActionTemplate, "Slack - Notify").Action);
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Subject == "Slack - Notify");
    }

    [Fact]
    public void A_script_modules_variables_are_copied_as_they_are()
    {
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest().ScriptModule("Helpers", "function Get-Answer { 42 }"), PlanningFixture.ProductionOnly());

        Assert.Equal(ChangeAction.Create, plan.Single(ResourceKind.ScriptModule, "Helpers").Action);
        var variables = plan.Single(ResourceKind.VariableSet, "LibraryVariableSet:Helpers");
        Assert.Equal(ChangeAction.Update, variables.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.VariableSet, "LibraryVariableSet:Helpers"), variables.DestinationId);
        var values = variables.After!.Arr("Variables").Objects().ToDictionary(v => v.Name(), v => v.Str("Value"));
        Assert.Equal("function Get-Answer { 42 }", values["Octopus.Script.Module[Helpers]"]);
        Assert.Equal("PowerShell", values["Octopus.Script.Module.Language[Helpers]"]);
        Assert.All(variables.After!.Arr("Variables").Objects(), v => Assert.Empty(v.Obj("Scope")!));
    }

    [Fact]
    public void A_script_module_body_change_keeps_the_destination_variable_ids()
    {
        var source = PlanningFixture.DevTest().ScriptModule("Helpers", "v2");
        var destination = PlanningFixture.ProductionOnly().ScriptModule("Helpers", "v1");
        var plan = PlanningFixture.Plan(source, destination, Always);

        var variables = plan.Single(ResourceKind.VariableSet, "LibraryVariableSet:Helpers");
        Assert.Equal(ChangeAction.Update, variables.Action);
        var before = variables.Before!.Arr("Variables").Objects().Select(v => v.Str("Id")).Order();
        Assert.Equal(before, variables.After!.Arr("Variables").Objects().Select(v => v.Str("Id")).Order());
    }

    [Fact]
    public void A_library_variable_set_is_followed_by_its_variable_set_decision()
    {
        var source = PlanningFixture.DevTest().LibraryVariableSet("Common", v => v.Variable("Common.Url", "https://example"));
        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly());

        var kinds = plan.Changes.Select(c => (c.Kind, c.Key)).ToList();
        var index = kinds.IndexOf((ResourceKind.LibraryVariableSet, "Common"));
        Assert.Equal((ResourceKind.VariableSet, "LibraryVariableSet:Common"), kinds[index + 1]);
        Assert.Equal(ReferenceToken.For(ResourceKind.VariableSet, "LibraryVariableSet:Common"), plan.Changes[index + 1].DestinationId);
    }

    [Fact]
    public void A_project_keeps_library_sets_included_only_on_the_destination()
    {
        var source = PlanningFixture.DevTest().LibraryVariableSet("Common").Project("OctoFx", p => p.IncludeLibrarySet("Common"));
        var destination = PlanningFixture.ProductionOnly().LibraryVariableSet("Common").LibraryVariableSet("Prod secrets")
            .Project("OctoFx", p => p.IncludeLibrarySet("Prod secrets"));
        var plan = PlanningFixture.Plan(source, destination, Always);

        var includes = plan.Single(ResourceKind.Project, "OctoFx").After!.Strings("IncludedLibraryVariableSetIds");
        Assert.Equal(
            new[] { destination.IdOf(ResourceKind.LibraryVariableSet, "Common"), destination.IdOf(ResourceKind.LibraryVariableSet, "Prod secrets") }.Order(),
            includes.Order());
    }

    [Fact]
    public void Nested_ids_of_a_created_object_are_left_for_the_server()
    {
        var plan = PlanningFixture.Plan(PlanningFixture.DevTest().StepTemplate("Notify", parameters: ["Channel"]), PlanningFixture.ProductionOnly());

        var after = plan.Single(ResourceKind.ActionTemplate, "Notify").After!;
        Assert.Null(after["Id"]);
        Assert.Null(after["Version"]);
        Assert.All(after.Arr("Parameters").Objects(), p => Assert.False(p.ContainsKey("Id")));
        Assert.IsType<JsonObject>(after["Properties"]);
    }
}
