using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Sync;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #7: the change histories a recurring sync meets in practice, each over two emulators filled through the REST
/// API: an initial apply, a change on one side, a plan (read through the engine API, so each decision's rule and reason
/// can be checked), an apply, and then a run that writes nothing and a plan that exits 0 under --detailed-exitcode.
/// </summary>
public class RecurringHistoryTests
{
    private static readonly Dictionary<string, string> NothingMapped = [];

    [Fact]
    public async Task A_step_deleted_on_the_source_is_removed_from_the_destination_and_counted_as_a_delete()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.SourceClient.EditStepsAsync(steps => steps.Remove(steps.Named("Notify")));

        var plan = await PlanAsync(instances);
        var detail = Detail(plan, ResourceKind.DeploymentProcess, "step \"Notify\"");
        Assert.Equal(ChangeAction.Delete, detail.Action);
        Assert.StartsWith("Gone from the source (deleted or renamed on the source)", detail.Reason, StringComparison.Ordinal);
        Assert.Equal(1, plan.DeleteCount);
        var (exit, output) = await instances.RunAsync("plan");
        Assert.Contains("1 to delete", output, StringComparison.Ordinal);

        await ApplyAsync(instances);
        Assert.DoesNotContain("Notify", (await instances.DestinationClient.StepsAsync()).Select(s => s.Name));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_step_renamed_on_the_source_is_updated_in_place_never_duplicated()
    {
        await using var instances = await StartAndApplyAsync();
        var before = await instances.DestinationClient.StepsAsync();
        await instances.SourceClient.EditStepsAsync(steps =>
        {
            var step = steps.Named("Notify");
            step["Name"] = "Notify team";
            ((JsonObject)step.Arr("Actions")[0]!)["Name"] = "Notify team";
        });

        var plan = await PlanAsync(instances);
        var detail = Detail(plan, ResourceKind.DeploymentProcess, "step \"Notify team\"");
        Assert.Equal(ChangeAction.Update, detail.Action);
        Assert.Contains("Renamed on the source from \"Notify\"", detail.Reason, StringComparison.Ordinal);
        Assert.Equal(0, plan.DeleteCount);

        await ApplyAsync(instances);
        var after = await instances.DestinationClient.StepsAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, s => s.Name == "Notify");
        Assert.Equal(before.Single(s => s.Name == "Notify").Id, after.Single(s => s.Name == "Notify team").Id);
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task Steps_reordered_on_the_source_are_reordered_on_the_destination_once()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.SourceClient.EditStepsAsync(steps =>
        {
            var notify = steps.Named("Notify");
            steps.Remove(notify);
            steps.Insert(0, notify);
        });

        await ApplyAsync(instances);

        Assert.Equal("Notify", (await instances.DestinationClient.StepsAsync())[0].Name);
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_rule_change_from_rescope_to_skip_removes_the_step_OctoSync_created()
    {
        const string rescope = "rules:\n  steps:\n    overrides:\n      \"QA sign-off\": { excludedEnvironments: rescope, rescopeTo: [Staging] }";
        await using var instances = await StartAndApplyAsync(NothingMapped, rescope);
        Assert.Contains("QA sign-off", (await instances.DestinationClient.StepsAsync()).Select(s => s.Name));
        await RewriteConfigurationAsync(instances, NothingMapped, "rules:\n  steps:\n    overrides:\n      \"QA sign-off\": { excludedEnvironments: skip }");

        var plan = await PlanAsync(instances);
        var details = plan.Changes.Single(c => c.Kind == ResourceKind.DeploymentProcess).Details.Where(d => d.Item == "step \"QA sign-off\"").ToList();
        Assert.Contains(details, d => d.Action == ChangeAction.Skip && d.Rule == "rules.steps.overrides[\"QA sign-off\"].excludedEnvironments: skip");
        Assert.Contains(details, d => d.Action == ChangeAction.Delete && d.Reason.Contains("no longer decided by the rules", StringComparison.Ordinal));

        await ApplyAsync(instances);
        Assert.DoesNotContain("QA sign-off", (await instances.DestinationClient.StepsAsync()).Select(s => s.Name));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_step_a_person_added_on_the_destination_is_kept_and_the_sources_changes_still_arrive()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.DestinationClient.EditStepsAsync(steps =>
        {
            var own = steps.Named("Notify").DeepClone().AsObject();
            own.Remove("Id");
            own["Name"] = "Page the on-call engineer";
            var action = (JsonObject)own.Arr("Actions")[0]!;
            action.Remove("Id");
            action["Name"] = "Page the on-call engineer";
            steps.Add(own);
        });
        await instances.SourceClient.EditStepsAsync(steps =>
            ((JsonObject)steps.Named("Notify").Arr("Actions")[0]!).Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "Write-Host 'Done'");

        var plan = await PlanAsync(instances);
        Assert.Equal(ChangeAction.Update, Detail(plan, ResourceKind.DeploymentProcess, "step \"Notify\"").Action);
        Assert.DoesNotContain(plan.Changes.SelectMany(c => c.Details), d => d.IsDrift);

        await ApplyAsync(instances);
        var actions = await instances.DestinationClient.ActionsAsync();
        Assert.Equal("Write-Host 'Done'", actions["Notify"].Obj("Properties")!.Str("Octopus.Action.Script.ScriptBody"));
        Assert.Contains("Page the on-call engineer", actions.Keys);
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_channel_deleted_on_the_source_is_removed_from_the_destination()
    {
        await using var instances = await TwoInstances.StartAsync();
        var beta = await instances.SourceClient.AddChannelAsync("Beta");
        await ApplyAsync(instances);
        Assert.NotNull(await instances.DestinationClient.NamedAsync("channels", "Beta"));
        await instances.SourceClient.DeleteAsync($"channels/{beta}");

        var plan = await PlanAsync(instances);
        var change = plan.Changes.Single(c => c.Kind == ResourceKind.Channel && c.Key == "OctoFx/Beta");
        Assert.Equal(ChangeAction.Delete, change.Action);

        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("channels", "Beta"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_runbook_deleted_on_the_source_is_removed_from_the_destination()
    {
        await using var instances = await StartAndApplyAsync();
        var runbook = await instances.SourceClient.IdOfAsync("runbooks", "Refresh database");
        Assert.NotNull(await instances.DestinationClient.NamedAsync("runbooks", "Refresh database"));
        await instances.SourceClient.DeleteAsync($"runbooks/{runbook}");

        var plan = await PlanAsync(instances);
        Assert.Equal(ChangeAction.Delete, plan.Changes.Single(c => c.Kind == ResourceKind.Runbook).Action);

        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("runbooks", "Refresh database"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_channel_renamed_on_the_source_is_updated_in_place_and_the_steps_and_values_scoped_to_it_follow()
    {
        await using var instances = await TwoInstances.StartAsync();
        var beta = await instances.SourceClient.AddChannelAsync("Beta");
        await instances.SourceClient.EditStepsAsync(steps => ((JsonObject)steps.Named("Notify").Arr("Actions")[0]!)["Channels"] = new JsonArray(beta));
        await instances.SourceClient.EditVariablesAsync(values => values.Add(ChangeHistory.Value("Beta.Url", "https://beta.example", ("Channel", beta))));
        await ApplyAsync(instances);
        var before = await instances.DestinationClient.IdOfAsync("channels", "Beta");
        var channel = await instances.SourceClient.GetAsync($"channels/{beta}");
        channel["Name"] = "Beta2";
        await instances.SourceClient.UpdateAsync($"channels/{beta}", channel);

        var plan = await PlanAsync(instances);
        var change = plan.Changes.Single(c => c.Kind == ResourceKind.Channel && c.Key == "OctoFx/Beta2");
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(before, change.DestinationId);
        Assert.Contains("Renamed on the source from \"Beta\"; updated in place.", change.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c.Kind == ResourceKind.Channel && c.Action is ChangeAction.Create or ChangeAction.Delete);
        Assert.Equal(0, plan.DeleteCount);

        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("channels", "Beta"));
        Assert.Equal(before, await instances.DestinationClient.IdOfAsync("channels", "Beta2"));
        Assert.Equal([before], (await instances.DestinationClient.ActionsAsync())["Notify"].Strings("Channels"));
        var value = Assert.Single(await instances.DestinationClient.ValuesAsync("Beta.Url"));
        Assert.Equal([before], value.Obj("Scope")!.Strings("Channel"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_runbook_renamed_on_the_source_is_updated_in_place_with_its_process_and_the_values_scoped_to_it()
    {
        await using var instances = await TwoInstances.StartAsync();
        var runbook = await instances.SourceClient.IdOfAsync("runbooks", "Refresh database");
        await instances.SourceClient.EditVariablesAsync(values => values.Add(ChangeHistory.Value("Refresh.Target", "scratch", ("ProcessOwner", runbook))));
        await ApplyAsync(instances);
        var before = await instances.DestinationClient.NamedAsync("runbooks", "Refresh database") ?? throw new InvalidOperationException("not synced");
        var stepsBefore = await RunbookStepsAsync(instances.DestinationClient, before);
        var source = await instances.SourceClient.GetAsync($"runbooks/{runbook}");
        source["Name"] = "Refresh DB";
        await instances.SourceClient.UpdateAsync($"runbooks/{runbook}", source);

        var plan = await PlanAsync(instances);
        var change = plan.Changes.Single(c => c.Kind == ResourceKind.Runbook);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("OctoFx/Refresh DB", change.Key);
        Assert.Equal(before.Id(), change.DestinationId);
        Assert.Contains("Renamed on the source from \"Refresh database\"; updated in place.", change.Reason, StringComparison.Ordinal);
        Assert.Equal(0, plan.DeleteCount);
        Assert.DoesNotContain(plan.Changes.SelectMany(c => c.Details), d => d.IsDrift);

        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("runbooks", "Refresh database"));
        var after = await instances.DestinationClient.NamedAsync("runbooks", "Refresh DB") ?? throw new InvalidOperationException("not renamed");
        Assert.Equal(before.Id(), after.Id());
        Assert.Single(await instances.DestinationClient.GetAllAsync("runbooks"));
        Assert.Equal(stepsBefore, await RunbookStepsAsync(instances.DestinationClient, after));
        var value = Assert.Single(await instances.DestinationClient.ValuesAsync("Refresh.Target"));
        Assert.Equal([before.Id()], value.Obj("Scope")!.Strings("ProcessOwner"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_project_deleted_on_the_source_is_reported_on_every_run_and_removed_only_under_rules_deletions_objects_remove()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.SourceClient.DeleteAsync($"projects/{(await instances.SourceClient.ProjectAsync()).Id()}");

        for (var run = 0; run < 2; run++)
        {
            var plan = await PlanAsync(instances);
            var change = plan.Changes.Single(c => c.Kind == ResourceKind.Project && c.Key == OctoFxExample.Project);
            Assert.Equal(ChangeAction.Leave, change.Action);
            Assert.Equal("rules.deletions.objects: report", change.Rule);
            await instances.AssertConvergedAsync();
        }

        Assert.NotNull(await instances.DestinationClient.NamedAsync("projects", OctoFxExample.Project));
        await RewriteConfigurationAsync(instances, null, "rules:\n  deletions:\n    objects: remove");
        var removing = await PlanAsync(instances);
        var delete = removing.Changes.Single(c => c.Kind == ResourceKind.Project && c.Key == OctoFxExample.Project);
        Assert.Equal(ChangeAction.Delete, delete.Action);
        Assert.Equal("rules.deletions.objects: remove", delete.Rule);

        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("projects", OctoFxExample.Project));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_library_variable_set_deleted_on_the_source_is_reported_then_removed_by_the_rule()
    {
        await using var instances = await TwoInstances.StartAsync();
        var shared = await instances.SourceClient.AddLibrarySetAsync("Shared settings");
        await ApplyAsync(instances);
        Assert.NotNull(await instances.DestinationClient.NamedAsync("libraryvariablesets", "Shared settings"));
        await instances.SourceClient.DeleteAsync($"libraryvariablesets/{shared}");

        var plan = await PlanAsync(instances);
        Assert.Equal(ChangeAction.Leave, plan.Changes.Single(c => c.Kind == ResourceKind.LibraryVariableSet && c.Key == "Shared settings").Action);
        await instances.AssertConvergedAsync();

        await RewriteConfigurationAsync(instances, null, "rules:\n  deletions:\n    objects: remove");
        await ApplyAsync(instances);
        Assert.Null(await instances.DestinationClient.NamedAsync("libraryvariablesets", "Shared settings"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_variable_value_deleted_on_the_source_is_removed_and_not_forgotten_when_a_person_changed_it()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.SourceClient.EditVariablesAsync(values => values.Remove(values.Named(OctoFxExample.ConnectionString)));

        var plan = await PlanAsync(instances);
        var detail = plan.Changes.Single(c => c.Kind == ResourceKind.VariableSet).Details.Single(d => d.Item.StartsWith(OctoFxExample.ConnectionString, StringComparison.Ordinal));
        Assert.Equal(ChangeAction.Delete, detail.Action);

        await ApplyAsync(instances);
        Assert.Empty(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_value_deleted_on_the_source_but_edited_on_the_destination_is_left_and_reported_as_drift_on_every_run()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.DestinationClient.EditVariablesAsync(values => values.Named(OctoFxExample.ConnectionString)["Value"] = "Database=edited-by-a-person");
        await instances.SourceClient.EditVariablesAsync(values => values.Remove(values.Named(OctoFxExample.ConnectionString)));

        for (var run = 0; run < 2; run++)
        {
            var plan = await PlanAsync(instances);
            var detail = plan.Changes.Single(c => c.Kind == ResourceKind.VariableSet).Details.Single(d => d.Item.StartsWith(OctoFxExample.ConnectionString, StringComparison.Ordinal));
            Assert.Equal(ChangeAction.Leave, detail.Action);
            Assert.True(detail.IsDrift);
            await ApplyAsync(instances);
        }

        Assert.Equal("Database=edited-by-a-person", Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString)).Str("Value"));
    }

    [Fact]
    public async Task The_seeds_recurring_example_comes_out_exactly_when_the_source_is_rewritten_with_new_ids()
    {
        await using var instances = await StartAndApplyAsync(NothingMapped);
        await OctoFxExample.SetDestinationDatabaseNamePerEnvironmentAsync(instances.DestinationClient);
        await instances.SourceClient.ChangeSourceAsInSeedWithNewIdsAsync();

        await ApplyAsync(instances);

        Assert.Equal(
            [
                ("Application.Database.Name", "OctoFx-Staging", "Staging"),
                ("", "OctoFx-Production", "Production"),
                ("ConnectionString", "Database=#{Application.Database.Name}", "SQL-Server (role)"),
                ("", "Data Source=#{Application.Database.Name}", "Oracle (role)"),
            ],
            await VariableTable.RowsAsync(instances.DestinationClient, OctoFxExample.Project));
        await instances.AssertConvergedAsync();
    }

    public static TheoryData<string> PortableDimensions => new() { "Role", "Action", "Channel", "ProcessOwner" };

    [Theory]
    [MemberData(nameof(PortableDimensions))]
    public async Task A_value_rewritten_with_a_new_id_and_a_new_portable_scope_updates_the_one_OctoSync_wrote(string dimension)
    {
        await using var instances = await TwoInstances.StartAsync();
        var beta = await instances.SourceClient.AddChannelAsync("Beta");
        await ApplyAsync(instances);
        var before = Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString));
        var item = dimension switch
        {
            "Role" => "SQL-Server",
            "Action" => (await instances.SourceClient.GetAsync($"deploymentprocesses/{(await instances.SourceClient.ProjectAsync()).Str("DeploymentProcessId")}"))
                .Arr("Steps").Named("Notify").Arr("Actions").Objects().Single().Id(),
            "Channel" => beta,
            _ => (await instances.SourceClient.ProjectAsync()).Id(),
        };
        await instances.SourceClient.EditVariablesAsync(values =>
        {
            values.Remove(values.Named(OctoFxExample.ConnectionString));
            values.Add(ChangeHistory.Value(OctoFxExample.ConnectionString, "Database=#{Application.Database.Name}", (dimension, item)));
        });

        await ApplyAsync(instances);

        var after = Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString));
        Assert.Equal(before.Id(), after.Id());
        Assert.Single(after.Obj("Scope")!.Strings(dimension));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_value_rewritten_with_a_new_id_and_a_new_text_updates_the_one_OctoSync_wrote()
    {
        await using var instances = await StartAndApplyAsync();
        var before = Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString));
        await instances.SourceClient.EditVariablesAsync(values =>
        {
            values.Remove(values.Named(OctoFxExample.ConnectionString));
            values.Add(ChangeHistory.Value(OctoFxExample.ConnectionString, "Server=db;Database=#{Application.Database.Name}"));
        });

        await ApplyAsync(instances);

        var after = Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString));
        Assert.Equal((before.Id(), "Server=db;Database=#{Application.Database.Name}"), (after.Id(), after.Str("Value")));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_value_a_person_added_on_the_destination_is_kept_and_the_sources_changes_still_arrive()
    {
        await using var instances = await StartAndApplyAsync();
        await instances.DestinationClient.EditVariablesAsync(values => values.Add(ChangeHistory.Value("Production.Secret.Hint", "ask the DBA")));
        await instances.SourceClient.EditVariablesAsync(values => values.Named(OctoFxExample.ConnectionString)["Value"] = "Server=db2");

        var plan = await PlanAsync(instances);
        Assert.DoesNotContain(plan.Changes.SelectMany(c => c.Details), d => d.IsDrift);
        await ApplyAsync(instances);

        Assert.Equal("Server=db2", Assert.Single(await instances.DestinationClient.ValuesAsync(OctoFxExample.ConnectionString)).Str("Value"));
        Assert.Single(await instances.DestinationClient.ValuesAsync("Production.Secret.Hint"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_library_set_a_person_included_on_the_destination_is_kept_and_the_projects_source_changes_still_arrive()
    {
        await using var instances = await StartAndApplyAsync();
        var secrets = await instances.DestinationClient.CreateAsync("libraryvariablesets", new JsonObject { ["Name"] = "Production secrets", ["ContentType"] = "Variables" });
        var project = await instances.DestinationClient.ProjectAsync();
        project["IncludedLibraryVariableSetIds"] = new JsonArray(secrets.Id());
        await instances.DestinationClient.UpdateAsync($"projects/{project.Id()}", project);
        var source = await instances.SourceClient.ProjectAsync();
        source["Description"] = "Changed on the source.";
        await instances.SourceClient.UpdateAsync($"projects/{source.Id()}", source);

        var plan = await PlanAsync(instances);
        Assert.Equal(ChangeAction.Update, plan.Changes.First(c => c.Kind == ResourceKind.Project).Action);
        await ApplyAsync(instances);

        var after = await instances.DestinationClient.ProjectAsync();
        Assert.Equal("Changed on the source.", after.Str("Description"));
        Assert.Equal([secrets.Id()], after.Strings("IncludedLibraryVariableSetIds"));
        await instances.AssertConvergedAsync();
    }

    private static async Task<List<(string Name, string Id)>> RunbookStepsAsync(Engine.Api.IOctopusSpaceClient client, JsonObject runbook) =>
        [.. (await client.GetAsync($"runbookProcesses/{runbook.Str("RunbookProcessId")}")).Arr("Steps").Objects().Select(s => (s.Name(), s.Id()))];

    private static async Task<TwoInstances> StartAndApplyAsync(IReadOnlyDictionary<string, string>? environments = null, string? rules = null)
    {
        var instances = await TwoInstances.StartAsync(environments, rules);
        await ApplyAsync(instances);
        return instances;
    }

    private static async Task ApplyAsync(TwoInstances instances)
    {
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
    }

    private static async Task<Plan> PlanAsync(TwoInstances instances)
    {
        var configuration = instances.Services.LoadConfiguration(instances.ConfigPath);
        return Assert.Single(await new SyncRunner(instances.Services.Sync).PlanAsync(configuration)).Plan;
    }

    private static ChangeDetail Detail(Plan plan, ResourceKind kind, string item) =>
        plan.Changes.Single(c => c.Kind == kind).Details.Single(d => d.Item == item);

    private static Task RewriteConfigurationAsync(TwoInstances instances, IReadOnlyDictionary<string, string>? environments, string rules) =>
        File.WriteAllTextAsync(instances.ConfigPath, OctoFxExample.ConfigurationYaml(instances.Source.BaseUrl, instances.Destination.BaseUrl, environments, rules));

}
