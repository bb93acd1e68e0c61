using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>The real server refuses dangling references with 400 naming the id; so must the emulator.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, string, string> DanglingReferences => new()
    {
        { "/api/Spaces-1/projects", """{"Name":"P","ProjectGroupId":"ProjectGroups-99","LifecycleId":"Lifecycles-1"}""", "ProjectGroups-99" },
        { "/api/Spaces-1/projects", """{"Name":"P","ProjectGroupId":"ProjectGroups-1","LifecycleId":"Lifecycles-42"}""", "Lifecycles-42" },
        { "/api/Spaces-1/projects", """{"Name":"P","ProjectGroupId":"ProjectGroups-1","LifecycleId":"Lifecycles-1","IncludedLibraryVariableSetIds":["LibraryVariableSets-7"]}""", "LibraryVariableSets-7" },
        { "/api/Spaces-1/lifecycles", """{"Name":"L","Phases":[{"Name":"Dev","AutomaticDeploymentTargets":["Environments-13"]}]}""", "Environments-13" },
        { "/api/Spaces-1/lifecycles", """{"Name":"L","Phases":[{"Name":"Dev","OptionalDeploymentTargets":["Environments-14"]}]}""", "Environments-14" },
        { "/api/Spaces-1/channels", """{"Name":"Beta","ProjectId":"Projects-77"}""", "Projects-77" },
        { "/api/Spaces-1/tenants", """{"Name":"T","TenantTags":["Region/Mars"]}""", "Region/Mars" },
        { "/api/Spaces-1/tenants", """{"Name":"T","ProjectEnvironments":{"Projects-5":[]}}""", "Projects-5" },
        { "/api/Spaces-1/accounts", """{"Name":"A","AccountType":"Token","EnvironmentIds":["Environments-8"]}""", "Environments-8" },
        { "/api/Spaces-1/certificates", """{"Name":"C","EnvironmentIds":["Environments-9"]}""", "Environments-9" },
        { "/api/Spaces-1/machines", """{"Name":"M","EnvironmentIds":["Environments-10"]}""", "Environments-10" },
        { "/api/Spaces-1/workers", """{"Name":"W","WorkerPoolIds":["WorkerPools-10"]}""", "WorkerPools-10" },
    };

    [Theory]
    [MemberData(nameof(DanglingReferences))]
    public async Task A_missing_reference_is_400_naming_the_id(string path, string body, string missingId)
    {
        await using var session = await EmulatorSession.StartAsync();

        var error = await session.PostAsync(path, JsonNode.Parse(body)!, HttpStatusCode.BadRequest);

        Assert.Equal("There was a problem with your request.", (string?)error["ErrorMessage"]);
        Assert.Contains(error["Errors"]!.AsArray(), e => ((string)e!).Contains(missingId, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> DanglingStepReferences => new()
    {
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","Environments":["Environments-50"]}]}""", "Environments-50" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","ExcludedEnvironments":["Environments-51"]}]}""", "Environments-51" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","Channels":["Channels-52"]}]}""", "Channels-52" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","TenantTags":["Tier/Gold"]}]}""", "Tier/Gold" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","WorkerPoolId":"WorkerPools-53"}]}""", "WorkerPools-53" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","Packages":[{"Name":"","PackageId":"Web","FeedId":"Feeds-54"}]}]}""", "Feeds-54" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Script","Container":{"Image":"x","FeedId":"Feeds-55"}}]}""", "Feeds-55" },
        { """{"Name":"S","Actions":[{"Name":"A","ActionType":"Octopus.Manual","Properties":{"Octopus.Action.Manual.ResponsibleTeamIds":"teams-managers,teams-nobody"}}]}""", "teams-nobody" },
    };

    [Theory]
    [MemberData(nameof(DanglingStepReferences))]
    public async Task A_step_naming_a_missing_resource_is_refused(string step, string missingId)
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        process["Steps"] = new JsonArray(JsonNode.Parse(step));

        var error = await session.PutAsync((string)process["Links"]!["Self"]!, process, HttpStatusCode.BadRequest);

        Assert.Contains(error["Errors"]!.AsArray(), e => ((string)e!).Contains(missingId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"Environment":["Environments-60"]}""", "Environments-60")]
    [InlineData("""{"Channel":["Channels-61"]}""", "Channels-61")]
    [InlineData("""{"Machine":["Machines-62"]}""", "Machines-62")]
    [InlineData("""{"Action":["2a0e3b5e-0000-0000-0000-000000000063"]}""", "2a0e3b5e-0000-0000-0000-000000000063")]
    [InlineData("""{"ProcessOwner":["Runbooks-64"]}""", "Runbooks-64")]
    [InlineData("""{"TenantTag":["Region/Moon"]}""", "Region/Moon")]
    public async Task A_variable_scoped_to_a_missing_resource_is_refused(string scope, string missingId)
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var set = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        set["Variables"] = new JsonArray(new JsonObject { ["Name"] = "X", ["Type"] = "String", ["Value"] = "1", ["Scope"] = JsonNode.Parse(scope) });

        var error = await session.PutAsync((string)set["Links"]!["Self"]!, set, HttpStatusCode.BadRequest);

        Assert.Contains(error["Errors"]!.AsArray(), e => ((string)e!).Contains(missingId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Certificate", "Certificates-70")]
    [InlineData("WorkerPool", "WorkerPools-71")]
    [InlineData("AzureAccount", "Accounts-72")]
    [InlineData("AmazonWebServicesAccount", "Accounts-73")]
    public async Task An_id_typed_variable_value_must_exist(string type, string missingId)
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var set = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        set["Variables"] = new JsonArray(new JsonObject { ["Name"] = "X", ["Type"] = type, ["Value"] = missingId });

        var error = await session.PutAsync((string)set["Links"]!["Self"]!, set, HttpStatusCode.BadRequest);

        Assert.Contains(error["Errors"]!.AsArray(), e => ((string)e!).Contains(missingId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"Name":"P","LifecycleId":"Lifecycles-1"}""", "ProjectGroupId")]
    [InlineData("""{"Name":"P","ProjectGroupId":"ProjectGroups-1"}""", "LifecycleId")]
    [InlineData("""{"ProjectGroupId":"ProjectGroups-1","LifecycleId":"Lifecycles-1"}""", "name")]
    public async Task Required_fields(string body, string field)
    {
        await using var session = await EmulatorSession.StartAsync();

        var error = await session.PostAsync("/api/Spaces-1/projects", JsonNode.Parse(body)!, HttpStatusCode.BadRequest);

        Assert.Contains(error["Errors"]!.AsArray(), e => ((string)e!).Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_gets_an_error_body_not_an_empty_answer()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateProjectAsync("P");

        var error = await session.PostAsync("/api/Spaces-1/tenants", JsonNode.Parse("""{"Name":"T","ProjectEnvironments":{"Projects-1":[42]}}""")!, HttpStatusCode.BadRequest);
        var notJson = await session.SendAsync(HttpMethod.Post, "/api/Spaces-1/environments", JsonValue.Create("just a string"), HttpStatusCode.BadRequest);

        Assert.Contains("ProjectEnvironments[Projects-1]", (string?)error["Errors"]![0], StringComparison.Ordinal);
        Assert.Equal("There was a problem with your request.", (string?)notJson["ErrorMessage"]);
    }
}
