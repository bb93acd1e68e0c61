using OctoSync.Engine.Api;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using static OctoSync.Engine.Tests.Applying.Changes;

namespace OctoSync.Engine.Tests.Applying;

public class PlanApplierTests
{
    private readonly FakeSpaceClient _client = new();

    [Fact]
    public async Task Create_posts_After_to_the_kinds_collection_and_later_tokens_resolve_to_the_new_id()
    {
        var plan = Plan(
            Create(ResourceKind.ProjectGroup, "Web", """{"Name":"Web"}"""),
            Create(ResourceKind.Project, "OctoFx", $$"""{"Name":"OctoFx","ProjectGroupId":"{{Token(ResourceKind.ProjectGroup, "Web")}}"}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        var groupId = result.Outcomes[0].DestinationId;
        var project = _client.Documents[$"projects/{result.Outcomes[1].DestinationId}"];
        Assert.Equal(groupId, project.Str("ProjectGroupId"));
        Assert.StartsWith("POST projectgroups", _client.Writes.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_update_is_a_replace_with_the_file_and_password_never_a_put()
    {
        // A PUT does not change a certificate's data (docs/emulator.md): the new file goes through POST …/replace.
        var plan = Plan(Update(ResourceKind.Certificate, "Web TLS", "Certificates-7",
            """{"Id":"Certificates-7","Name":"Web TLS","Notes":"n","CertificateData":{"HasValue":true,"NewValue":"ZGF0YQ=="},"Password":{"HasValue":true,"NewValue":"pw"}}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal(ApplyOutcome.Applied, Assert.Single(result.Outcomes).Outcome);
        Assert.Equal("""POST certificates/Certificates-7/replace {"CertificateData":"ZGF0YQ==","Password":"pw"}""", Assert.Single(_client.Writes));
    }

    [Fact]
    public async Task A_new_projects_variable_set_process_and_default_channel_resolve_through_their_tokens()
    {
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}"""),
            Create(ResourceKind.Channel, "OctoFx/Default", $$"""{"Name":"Default","ProjectId":"{{Token(ResourceKind.Project, "OctoFx")}}","Description":"from source"}"""),
            Update(ResourceKind.DeploymentProcess, "OctoFx", Token(ResourceKind.DeploymentProcess, "OctoFx"),
                """{"Steps":[{"Name":"Deploy","Actions":[{"Name":"Deploy web"}]}]}"""),
            Update(ResourceKind.VariableSet, "Project:OctoFx", Token(ResourceKind.VariableSet, "Project:OctoFx"),
                $$$"""{"Variables":[{"Name":"X","Value":"1","Scope":{"Action":["{{{Token(ResourceKind.Action, "OctoFx/Deploy web")}}}"]}}]}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        var projectId = result.Outcomes[0].DestinationId!;
        // The default channel was updated in place, not created a second time.
        Assert.DoesNotContain(_client.Writes, w => w.StartsWith("POST channels", StringComparison.Ordinal));
        var channel = Assert.Single(_client.Documents, d => d.Key.StartsWith("channels/", StringComparison.Ordinal)).Value;
        Assert.Equal("from source", channel.Str("Description"));
        var process = _client.Documents[$"deploymentprocesses/deploymentprocess-{projectId}"];
        var actionId = process["Steps"]![0]!["Actions"]![0]!["Id"]!.GetValue<string>();
        var variables = _client.Documents[$"variables/variableset-{projectId}"];
        Assert.Equal(actionId, variables["Variables"]![0]!["Scope"]!["Action"]![0]!.GetValue<string>());
        Assert.Equal(1, variables["Version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_projects_channels_are_not_read_when_no_later_change_names_one_of_them()
    {
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}"""),
            Create(ResourceKind.Channel, "OctoFx/Beta", $$"""{"Name":"Beta","ProjectId":"{{Token(ResourceKind.Project, "OctoFx")}}"}"""),
            Update(ResourceKind.VariableSet, "Project:OctoFx", Token(ResourceKind.VariableSet, "Project:OctoFx"),
                $$$"""{"Variables":[{"Name":"X","Value":"1","Scope":{"Channel":["{{{Token(ResourceKind.Channel, "OctoFx/Beta")}}}"]}}]}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        // Issue #10: the POST's answer and the channel's own create give every id this plan needs; no GET at all.
        Assert.DoesNotContain(_client.Calls, c => c.StartsWith("GET", StringComparison.Ordinal));
        var variables = _client.Documents[$"variables/variableset-{result.Outcomes[0].DestinationId}"];
        Assert.Equal(result.Outcomes[1].DestinationId, variables["Variables"]![0]!["Scope"]!["Channel"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_of_the_default_channel_reads_the_new_projects_channels_once_and_resolves()
    {
        var defaultChannel = Token(ResourceKind.Channel, "OctoFx/Default");
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}"""),
            Update(ResourceKind.DeploymentProcess, "OctoFx", Token(ResourceKind.DeploymentProcess, "OctoFx"),
                $$$"""{"Steps":[{"Name":"Deploy","Actions":[{"Name":"Deploy web","Channels":["{{{defaultChannel}}}"]}]}]}"""),
            Update(ResourceKind.VariableSet, "Project:OctoFx", Token(ResourceKind.VariableSet, "Project:OctoFx"),
                $$$"""{"Variables":[{"Name":"X","Value":"1","Scope":{"Channel":["{{{defaultChannel}}}"]}}]}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        var projectId = result.Outcomes[0].DestinationId!;
        Assert.Single(_client.Calls, c => c == $"GET projects/{projectId}/channels");
        var channelId = Assert.Single(_client.Documents, d => d.Key.StartsWith("channels/", StringComparison.Ordinal)).Value.Id();
        var process = _client.Documents[$"deploymentprocesses/deploymentprocess-{projectId}"];
        Assert.Equal(channelId, process["Steps"]![0]!["Actions"]![0]!["Channels"]![0]!.GetValue<string>());
        var variables = _client.Documents[$"variables/variableset-{projectId}"];
        Assert.Equal(channelId, variables["Variables"]![0]!["Scope"]!["Channel"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_default_channel_that_cannot_be_read_fails_the_change_that_needs_it_and_the_rest_continue()
    {
        _client.ListFailure = new OctopusApiException("GET", "projects/x/channels", 503, "Service Unavailable", []);
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}"""),
            Create(ResourceKind.Channel, "OctoFx/Default", $$"""{"Name":"Default","ProjectId":"{{Token(ResourceKind.Project, "OctoFx")}}","Description":"from source"}"""),
            Update(ResourceKind.DeploymentProcess, "OctoFx", Token(ResourceKind.DeploymentProcess, "OctoFx"), """{"Steps":[]}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal([ApplyOutcome.Applied, ApplyOutcome.Failed, ApplyOutcome.Applied], result.Outcomes.Select(o => o.Outcome));
        Assert.Contains("Service Unavailable", result.Outcomes[1].Message, StringComparison.Ordinal);
        // Never a second "Default" channel: without its id the channel is not created.
        Assert.DoesNotContain(_client.Writes, w => w.StartsWith("POST channels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_in_property_names_and_inside_longer_strings_are_replaced()
    {
        _client.Documents["teams/Teams-7"] = new() { ["Id"] = "Teams-7" };
        var project = Token(ResourceKind.Project, "OctoFx");
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}"""),
            Create(ResourceKind.Tenant, "Test Tenant", $$"""{"Name":"Test Tenant","ProjectEnvironments":{"{{project}}":["Environments-2"]},"Notes":"a,{{project}},b"}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        var projectId = result.Outcomes[0].DestinationId!;
        var tenant = _client.Documents[$"tenants/{result.Outcomes[1].DestinationId}"];
        Assert.True(tenant["ProjectEnvironments"]!.AsObject().ContainsKey(projectId));
        Assert.Equal($"a,{projectId},b", tenant.Str("Notes"));
    }

    [Fact]
    public async Task A_failed_create_skips_the_changes_that_need_its_id_and_the_rest_continue()
    {
        _client.Failures["POST projects"] = new OctopusApiException("POST", "/api/Spaces-1/projects", 400, "There was a problem with your request.", ["Name already in use"]);
        var plan = Plan(
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}""", Set("Project:OctoFx")),
            Update(ResourceKind.VariableSet, "Project:OctoFx", Token(ResourceKind.VariableSet, "Project:OctoFx"), """{"Variables":[]}""", null, Set("VariableSet:Project:OctoFx")),
            Create(ResourceKind.Tenant, "Test Tenant", $$$"""{"Name":"Test Tenant","ProjectEnvironments":{"{{{Token(ResourceKind.Project, "OctoFx")}}}":[]}}"""),
            Create(ResourceKind.Environment, "Staging", """{"Name":"Staging"}""", Set("Environment:Staging")));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal(
            [ApplyOutcome.Failed, ApplyOutcome.SkippedBecauseDependencyFailed, ApplyOutcome.SkippedBecauseDependencyFailed, ApplyOutcome.Applied],
            result.Outcomes.Select(o => o.Outcome));
        Assert.Contains("Name already in use", result.Outcomes[0].Message, StringComparison.Ordinal);
        Assert.Contains("Project OctoFx", result.Outcomes[1].Message, StringComparison.Ordinal);
        Assert.Equal(["Environment:Staging"], result.StateUpdates.OfType<StateUpdate.SetObject>().Select(s => s.Key));
        Assert.True(result.HasFailures);
    }

    [Fact]
    public async Task A_token_nothing_in_the_plan_creates_fails_that_change_without_writing()
    {
        var plan = Plan(Create(ResourceKind.Channel, "OctoFx/Beta", $$"""{"Name":"Beta","ProjectId":"{{Token(ResourceKind.Project, "Nope")}}"}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal(ApplyOutcome.Failed, Assert.Single(result.Outcomes).Outcome);
        Assert.Empty(_client.Writes);
    }

    [Theory]
    [InlineData(3, 3, ApplyOutcome.Applied)]
    [InlineData(3, 4, ApplyOutcome.Conflict)]
    public async Task A_variable_set_is_written_with_the_Version_the_plan_read_without_a_GET_and_a_moved_one_is_a_conflict(int planned, int current, ApplyOutcome expected)
    {
        _client.Documents["variables/variableset-Projects-1"] = new() { ["Id"] = "variableset-Projects-1", ["Version"] = current, ["Variables"] = new System.Text.Json.Nodes.JsonArray() };
        var before = Json.Parse($$"""{"Id":"variableset-Projects-1","Version":{{planned}},"Variables":[]}""");
        var plan = Plan(Update(ResourceKind.VariableSet, "Project:OctoFx", "variableset-Projects-1",
            $$"""{"Id":"variableset-Projects-1","Version":{{planned}},"Variables":[{"Name":"A","Value":"1"}]}""", before, Set("VariableSet:Project:OctoFx")));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal(expected, Assert.Single(result.Outcomes).Outcome);
        Assert.DoesNotContain(_client.Calls, c => c.StartsWith("GET", StringComparison.Ordinal));
        Assert.Single(_client.Writes);
        Assert.Equal(expected == ApplyOutcome.Applied ? current + 1 : current, _client.Documents["variables/variableset-Projects-1"]["Version"]!.GetValue<int>());
        Assert.Equal(expected == ApplyOutcome.Applied ? 1 : 0, result.StateUpdates.Count);
        Assert.Equal(expected == ApplyOutcome.Conflict, result.HasConflicts);
    }

    [Fact]
    public async Task A_version_conflict_answered_by_the_server_is_a_conflict_not_a_failure()
    {
        _client.Documents["deploymentprocesses/dp-1"] = new() { ["Id"] = "dp-1", ["Version"] = 2 };
        _client.Failures["PUT deploymentprocesses/dp-1"] = new OctopusApiException("PUT", "/api/Spaces-1/deploymentprocesses/dp-1", 400,
            "Changes to these variables could not be saved, because another user has made changes to the process", []);
        var plan = Plan(Update(ResourceKind.DeploymentProcess, "OctoFx", "dp-1", """{"Id":"dp-1","Steps":[]}"""));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Equal(ApplyOutcome.Conflict, Assert.Single(result.Outcomes).Outcome);
    }

    [Theory]
    [InlineData(ChangeAction.None)]
    [InlineData(ChangeAction.Skip)]
    [InlineData(ChangeAction.Leave)]
    public async Task Changes_that_write_nothing_send_nothing_and_keep_their_state_updates(ChangeAction action)
    {
        var plan = Plan(Other(action, ResourceKind.Project, "OctoFx", Set("Project:OctoFx")));

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.Empty(_client.Calls);
        Assert.Equal(ApplyOutcome.NothingToDo, Assert.Single(result.Outcomes).Outcome);
        Assert.Single(result.StateUpdates);
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_a_missing_object_counts_as_deleted()
    {
        _client.Documents["channels/Channels-5"] = new() { ["Id"] = "Channels-5" };
        var plan = Plan(
            Other(ChangeAction.Delete, ResourceKind.Channel, "OctoFx/Old") with { DestinationId = "Channels-5" },
            Other(ChangeAction.Delete, ResourceKind.Channel, "OctoFx/Gone") with { DestinationId = "Channels-6" });

        var result = await PlanApplier.ApplyAsync(plan, _client);

        Assert.All(result.Outcomes, o => Assert.Equal(ApplyOutcome.Applied, o.Outcome));
        Assert.Equal(["DELETE channels/Channels-5", "DELETE channels/Channels-6"], _client.Writes);
    }

    [Fact]
    public async Task The_state_of_a_created_object_records_its_new_id_and_progress_counts_writes()
    {
        var reports = new List<ApplyProgress>();
        var plan = Plan(
            Other(ChangeAction.None, ResourceKind.Environment, "Staging"),
            Create(ResourceKind.Project, "OctoFx", """{"Name":"OctoFx"}""", Set("Project:OctoFx")));

        var result = await PlanApplier.ApplyAsync(plan, _client, new SyncProgress<ApplyProgress>(reports.Add));

        var state = Assert.IsType<StateUpdate.SetObject>(Assert.Single(result.StateUpdates));
        Assert.Equal(result.Outcomes[1].DestinationId, state.State.DestinationId);
        Assert.Equal((1, 1), (reports.Single().Done, reports.Single().Total));
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
