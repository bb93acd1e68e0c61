using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using static OctoSync.Engine.Tests.Applying.Changes;

namespace OctoSync.Engine.Tests.Applying;

/// <summary>
/// The writers that follow the destination's version: tenant variables through v2 on 2025.2+ (legacy before), and
/// deployment settings through <c>/deploymentsettings</c> when the plan saw the link (the project document otherwise).
/// </summary>
public class VersionedWriterTests
{
    private const string Tenant = "Tenants-1";

    private static FakeSpaceClient V2Server()
    {
        var client = new FakeSpaceClient { ServerVersion = "2026.3.0" };
        client.Documents[$"tenants/{Tenant}/projectvariables?includeMissingVariables=true"] = JsonNode.Parse("""
            {"TenantId":"Tenants-1","Variables":[
              {"Id":"TV-1","ProjectId":"Projects-1","ProjectName":"OctoFx","TemplateId":"t-db","Template":{"Id":"t-db","Name":"DbServer"},
               "Value":"shared-sql","Scope":{"EnvironmentIds":["Environments-1","Environments-2"]}},
              {"Id":"TV-2","ProjectId":"Projects-1","ProjectName":"OctoFx","TemplateId":"t-key","Template":{"Id":"t-key","Name":"ApiKey"},
               "Value":{"HasValue":true,"NewValue":null},"Scope":{"EnvironmentIds":["Environments-1"]}}],
             "MissingVariables":[
              {"ProjectId":"Projects-1","ProjectName":"OctoFx","TemplateId":"t-url","Template":{"Id":"t-url","Name":"Url"},"Value":"","Scope":{"EnvironmentIds":["Environments-2"]}}]}
            """)!.AsObject();
        client.Documents[$"tenants/{Tenant}/commonvariables?includeMissingVariables=true"] = JsonNode.Parse("""
            {"TenantId":"Tenants-1","Variables":[
              {"Id":"TC-1","LibraryVariableSetId":"LibraryVariableSets-1","TemplateId":"t-region","Template":{"Id":"t-region","Name":"Region"},
               "Value":"eu-west","Scope":{"EnvironmentIds":[]}},
              {"Id":"TC-2","LibraryVariableSetId":"LibraryVariableSets-1","TemplateId":"t-region","Template":{"Id":"t-region","Name":"Region"},
               "Value":"eu-prod","Scope":{"EnvironmentIds":["Environments-2"]}}],"MissingVariables":[]}
            """)!.AsObject();
        return client;
    }

    private static Engine.Planning.Change TenantChange(string json) => Update(ResourceKind.TenantVariables, "Acme", Tenant, json);

    [Fact]
    public async Task A_project_value_on_a_v2_server_reads_and_puts_only_the_project_half_and_splits_a_shared_scope()
    {
        var client = V2Server();
        var plan = Plan(TenantChange("""
            {"Set":[{"ProjectId":"Projects-1","EnvironmentId":"Environments-2","Template":"DbServer","Value":"prod-sql"},
                    {"ProjectId":"Projects-1","EnvironmentId":"Environments-2","Template":"Url","Value":"https://prod"}],"Remove":[]}
            """));

        var result = await PlanApplier.ApplyAsync(plan, client);

        Assert.Equal(ApplyOutcome.Applied, Assert.Single(result.Outcomes).Outcome);
        Assert.Equal([$"GET tenants/{Tenant}/projectvariables?includeMissingVariables=true"], client.Calls.Where(c => c.StartsWith("GET", StringComparison.Ordinal)));
        var put = Assert.Single(client.Writes);
        Assert.StartsWith($"PUT tenants/{Tenant}/projectvariables ", put, StringComparison.Ordinal);
        var sent = JsonNode.Parse(put[(put.IndexOf('{', StringComparison.Ordinal))..])!["Variables"]!.AsArray().Select(v => v!.AsObject()).ToList();
        // The shared entry keeps its Id and the environment the plan did not name; the secret goes back as read.
        Assert.Equal(["Environments-1"], sent.Single(v => v.Str("Id") == "TV-1").Obj("Scope")!.Strings("EnvironmentIds"));
        Assert.Equal("""{"HasValue":true,"NewValue":null}""", sent.Single(v => v.Str("Id") == "TV-2")["Value"]!.ToJsonString());
        Assert.Equal("prod-sql", sent.Single(v => v.Str("TemplateId") == "t-db" && v.Str("Id") is null).Str("Value"));
        Assert.Equal("https://prod", sent.Single(v => v.Str("TemplateId") == "t-url").Str("Value"));
        Assert.All(sent, v => Assert.Null(v["Template"]));
    }

    [Fact]
    public async Task A_common_value_on_a_v2_server_changes_the_unscoped_entry_and_keeps_an_environment_scoped_one()
    {
        var client = V2Server();
        var plan = Plan(TenantChange("""{"Set":[{"LibraryVariableSetId":"LibraryVariableSets-1","Template":"Region","Value":"eu-central"}],"Remove":[]}"""));

        await PlanApplier.ApplyAsync(plan, client);

        var put = Assert.Single(client.Writes);
        Assert.StartsWith($"PUT tenants/{Tenant}/commonvariables ", put, StringComparison.Ordinal);
        var sent = JsonNode.Parse(put[(put.IndexOf('{', StringComparison.Ordinal))..])!["Variables"]!.AsArray().Select(v => v!.AsObject()).ToList();
        Assert.Equal("eu-central", sent.Single(v => v.Str("Id") == "TC-1").Str("Value"));
        Assert.Equal("eu-prod", sent.Single(v => v.Str("Id") == "TC-2").Str("Value"));
    }

    [Fact]
    public async Task A_scoped_common_value_sets_the_entry_with_exactly_its_environments_and_a_new_scope_takes_its_environments_off_the_others()
    {
        var client = V2Server();
        var plan = Plan(TenantChange("""
            {"Set":[{"LibraryVariableSetId":"LibraryVariableSets-1","EnvironmentIds":["Environments-2"],"Template":"Region","Value":"eu-prod-2"}],"Remove":[]}
            """));
        await PlanApplier.ApplyAsync(plan, client);
        var sent = Sent(Assert.Single(client.Writes));
        Assert.Equal("eu-prod-2", sent.Single(v => v.Str("Id") == "TC-2").Str("Value"));
        Assert.Equal("eu-west", sent.Single(v => v.Str("Id") == "TC-1").Str("Value"));

        // A new scope covering Environments-2 and -3: the old Environments-2 entry is dropped, the unscoped one kept.
        client = V2Server();
        plan = Plan(TenantChange("""
            {"Set":[{"LibraryVariableSetId":"LibraryVariableSets-1","EnvironmentIds":["Environments-2","Environments-3"],"Template":"Region","Value":"eu-all"}],"Remove":[]}
            """));
        await PlanApplier.ApplyAsync(plan, client);
        sent = Sent(Assert.Single(client.Writes));
        Assert.Equal(2, sent.Count);
        Assert.Equal(["Environments-2", "Environments-3"], sent.Single(v => v.Str("Id") is null).Obj("Scope")!.Strings("EnvironmentIds"));

        // Removing the scoped value removes only that entry.
        client = V2Server();
        plan = Plan(TenantChange("""
            {"Set":[],"Remove":[{"LibraryVariableSetId":"LibraryVariableSets-1","EnvironmentIds":["Environments-2"],"Template":"Region"}]}
            """));
        await PlanApplier.ApplyAsync(plan, client);
        Assert.Equal("TC-1", Assert.Single(Sent(Assert.Single(client.Writes))).Str("Id"));
    }

    private static List<JsonObject> Sent(string put) =>
        JsonNode.Parse(put[(put.IndexOf('{', StringComparison.Ordinal))..])!["Variables"]!.AsArray().Select(v => v!.AsObject()).ToList();

    [Fact]
    public async Task A_template_the_tenant_does_not_have_fails_the_change_and_writes_nothing()
    {
        var client = V2Server();
        var plan = Plan(TenantChange("""{"Set":[{"ProjectId":"Projects-1","EnvironmentId":"Environments-2","Template":"Missing","Value":"x"}],"Remove":[]}"""));

        var result = await PlanApplier.ApplyAsync(plan, client);

        Assert.Equal(ApplyOutcome.Failed, Assert.Single(result.Outcomes).Outcome);
        Assert.Empty(client.Writes);
    }

    [Theory]
    [InlineData("2021.2.4488", false)]
    [InlineData("2024.3.0", false)]
    [InlineData("2025.2.11370", true)]
    [InlineData("2026.3.0", true)]
    [InlineData(null, false)]
    public void The_v2_routes_are_used_from_2025_2(string? version, bool v2) => Assert.Equal(v2, TenantVariablesRoutes.HasV2(version));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deployment_settings_go_through_the_route_the_plan_saw_and_keep_what_they_do_not_name(bool route)
    {
        var client = new FakeSpaceClient();
        client.Documents["projects/Projects-1"] = JsonNode.Parse("""{"Id":"Projects-1","Name":"OctoFx","ReleaseNotesTemplate":"old"}""")!.AsObject();
        client.Documents["projects/Projects-1/deploymentsettings"] = JsonNode.Parse("""{"Id":"deploymentsettings-Projects-1","ReleaseNotesTemplate":"old","FailTargetDiscovery":true}""")!.AsObject();
        var links = route ? ""","Links":{"DeploymentSettings":"/api/Spaces-1/projects/Projects-1/deploymentsettings"}""" : "";
        var plan = Plan(Update(ResourceKind.DeploymentSettings, "OctoFx", "Projects-1", $$"""{"Id":"Projects-1","ReleaseNotesTemplate":"new"{{links}}}"""));

        var result = await PlanApplier.ApplyAsync(plan, client);

        Assert.Equal(ApplyOutcome.Applied, Assert.Single(result.Outcomes).Outcome);
        var path = route ? "projects/Projects-1/deploymentsettings" : "projects/Projects-1";
        Assert.Equal([$"GET {path}"], client.Calls.Where(c => c.StartsWith("GET", StringComparison.Ordinal)));
        var put = Assert.Single(client.Writes);
        Assert.StartsWith($"PUT {path} ", put, StringComparison.Ordinal);
        var sent = JsonNode.Parse(put[(put.IndexOf('{', StringComparison.Ordinal))..])!.AsObject();
        Assert.Equal("new", sent.Str("ReleaseNotesTemplate"));
        Assert.False(sent.ContainsKey("Links"));
        if (route)
        {
            Assert.True(sent.Bool("FailTargetDiscovery"));
        }
        else
        {
            Assert.Equal("OctoFx", sent.Str("Name"));
        }
    }
}
