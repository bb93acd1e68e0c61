using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>
/// `variables/all?ids=` of several sets is computed with per-request indexes; each set must still carry its own
/// owner's ScopeValues and no secret.
/// </summary>
public sealed class BatchReadTests
{
    [Fact]
    public async Task Variables_all_gives_each_set_its_own_channels_actions_and_processes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var first = await session.CreateProjectAsync("First");
        var second = await session.CreateProjectAsync("Second");
        await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "Hotfix", ["ProjectId"] = (string?)second["Id"] });
        await session.PostAsync("/api/Spaces-1/runbooks", new JsonObject { ["Name"] = "Restart", ["ProjectId"] = (string?)first["Id"] });
        var process = await session.GetObjectAsync($"/api/Spaces-1/deploymentprocesses/{first["DeploymentProcessId"]}");
        process["Steps"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Deploy",
            ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "Deploy web", ["ActionType"] = "Octopus.Script" }),
        });
        await session.PutAsync($"/api/Spaces-1/deploymentprocesses/{first["DeploymentProcessId"]}", process);

        var sets = (JsonArray)await session.GetAsync($"/api/Spaces-1/variables/all?ids={first["VariableSetId"]},{second["VariableSetId"]}");

        var byOwner = sets.OfType<JsonObject>().ToDictionary(s => (string)s["OwnerId"]!);
        var firstScope = byOwner[(string)first["Id"]!]["ScopeValues"]!;
        var secondScope = byOwner[(string)second["Id"]!]["ScopeValues"]!;
        Assert.Equal(["Deploy web"], Names(firstScope["Actions"]));
        Assert.Empty(Names(secondScope["Actions"]));
        Assert.Equal(["Default"], Names(firstScope["Channels"]));
        Assert.Equal(["Default", "Hotfix"], Names(secondScope["Channels"]).Order());
        Assert.Equal(["First", "Restart"], Names(firstScope["Processes"]));
        Assert.Equal(["Second"], Names(secondScope["Processes"]));
        Assert.Equal(Names(firstScope["Environments"]), Names(secondScope["Environments"]));
    }

    [Fact]
    public async Task Variables_all_redacts_sensitive_values_in_every_set()
    {
        await using var session = await EmulatorSession.StartAsync();
        var projects = new[] { await session.CreateProjectAsync("A"), await session.CreateProjectAsync("B") };
        foreach (var project in projects)
        {
            var path = $"/api/Spaces-1/variables/{project["VariableSetId"]}";
            var set = await session.GetObjectAsync(path);
            set["Variables"] = new JsonArray(new JsonObject { ["Name"] = "Password", ["Value"] = "hunter2", ["IsSensitive"] = true });
            await session.PutAsync(path, set);
        }

        var sets = (JsonArray)await session.GetAsync($"/api/Spaces-1/variables/all?ids={projects[0]["VariableSetId"]},{projects[1]["VariableSetId"]}");

        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Null((string?)s!["Variables"]![0]!["Value"]));
        Assert.DoesNotContain("hunter2", sets.ToJsonString(), StringComparison.Ordinal);
    }

    private static List<string?> Names(JsonNode? refs) => refs!.AsArray().Select(r => (string?)r!["Name"]).ToList();
}
