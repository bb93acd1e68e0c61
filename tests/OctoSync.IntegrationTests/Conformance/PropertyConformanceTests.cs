using System.Text.Json.Nodes;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>Property names the emulator returns for the main resources must be Swagger properties (or documented newer fields).</summary>
public sealed class PropertyConformanceTests
{
    /// <summary>
    /// Fields newer than (or polymorphic beyond) the 2021.2 Swagger. Slug everywhere and tenant IsDisabled come from
    /// the 2024–2026 generated API docs (API notes §1.1, §2.5, §3.12); BuiltIn feed fields from OctopusClients
    /// BuiltInFeedResource (the Swagger does not describe feed subtypes, notes §1.1).
    /// </summary>
    private static readonly Dictionary<string, string[]> NewerFields = new()
    {
        ["EnvironmentResource"] = ["Slug"],
        ["LifecycleResource"] = ["Slug"],
        ["ChannelResource"] = ["Slug"],
        ["TenantResource"] = ["Slug", "IsDisabled"],
        ["RunbookResource"] = ["Slug"],
        ["FeedResource"] = ["Slug", "DeleteUnreleasedPackagesAfterDays", "IsBuiltInRepoSyncEnabled"],
        ["WorkerPoolResource"] = ["Slug"],
        ["SpaceResource"] = ["Slug"],
    };

    public static TheoryData<string, string> Samples() => new()
    {
        { "ProjectResource", "/api/Spaces-1/projects/Projects-1" },
        { "EnvironmentResource", "/api/Spaces-1/environments/Environments-1" },
        { "LifecycleResource", "/api/Spaces-1/lifecycles/Lifecycles-1" },
        { "ChannelResource", "/api/Spaces-1/channels/Channels-1" },
        { "DeploymentProcessResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1" },
        { "VariableSetResource", "/api/Spaces-1/variables/variableset-Projects-1" },
        { "VariableResource", "/api/Spaces-1/variables/variableset-Projects-1#Variables" },
        { "DeploymentStepResource", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1#Steps" },
        { "LibraryVariableSetResource", "/api/Spaces-1/libraryvariablesets/LibraryVariableSets-1" },
        { "TenantResource", "/api/Spaces-1/tenants/Tenants-1" },
        { "TagSetResource", "/api/Spaces-1/tagsets/TagSets-1" },
        { "TagResource", "/api/Spaces-1/tagsets/TagSets-1#Tags" },
        { "RunbookResource", "/api/Spaces-1/runbooks/Runbooks-1" },
        { "RunbookProcessResource", "/api/Spaces-1/runbookProcesses/RunbookProcess-Runbooks-1" },
        { "FeedResource", "/api/Spaces-1/feeds/feeds-builtin" },
        { "WorkerPoolResource", "/api/Spaces-1/workerpools/WorkerPools-1" },
        { "SpaceResource", "/api/spaces/Spaces-1" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Returned_properties_are_swagger_properties(string definition, string path)
    {
        await using var session = await EmulatorSession.StartAsync();
        await SeedOneOfEachAsync(session);
        var parts = path.Split('#');
        var doc = await session.GetObjectAsync(parts[0]);
        var sample = parts.Length == 1 ? doc : (JsonObject)doc[parts[1]]![0]!;

        var allowed = SwaggerDocument.Current.PropertiesOf(definition).Concat(NewerFields.GetValueOrDefault(definition, [])).ToHashSet();
        var unknown = sample.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();

        Assert.True(unknown.Count == 0, $"{definition}: not in Swagger: {string.Join(", ", unknown)}");
    }

    /// <summary>One of each main resource, created the way a client would (only documented fields in the bodies).</summary>
    private static async Task SeedOneOfEachAsync(EmulatorSession session)
    {
        await session.CreateEnvironmentAsync("Dev");
        await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        await session.PostAsync("/api/Spaces-1/libraryvariablesets", new JsonObject { ["Name"] = "Shared" });
        var project = await session.CreateProjectAsync("OctoFx");
        await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = "Acme", ["TenantTags"] = new JsonArray("Region/EU") });
        await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "Restart" });
        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        process["Steps"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Run",
            ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "Run", ["ActionType"] = "Octopus.Script" }),
        });
        await session.PutAsync((string)process["Links"]!["Self"]!, process);
        var variables = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        variables["Variables"] = new JsonArray(new JsonObject { ["Name"] = "Greeting", ["Value"] = "Hello" });
        await session.PutAsync((string)variables["Links"]!["Self"]!, variables);
    }
}
