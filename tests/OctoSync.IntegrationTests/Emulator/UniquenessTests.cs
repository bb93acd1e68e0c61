using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class UniquenessTests
{
    [Fact]
    public async Task Names_are_unique_per_space_ignoring_case()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateEnvironmentAsync("Production");

        var error = await session.PostAsync("/api/Spaces-1/environments", new JsonObject { ["Name"] = "production" }, HttpStatusCode.BadRequest);

        Assert.Contains("production", (string?)error["Errors"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_names_are_unique_per_project_only()
    {
        await using var session = await EmulatorSession.StartAsync();
        var a = await session.CreateProjectAsync("A");
        var b = await session.CreateProjectAsync("B");

        await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "Beta", ["ProjectId"] = a["Id"]!.DeepClone() });
        await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "Beta", ["ProjectId"] = b["Id"]!.DeepClone() });
        await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "beta", ["ProjectId"] = a["Id"]!.DeepClone() }, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""[{"Name":"Deploy","Actions":[{"Name":"A1","ActionType":"Octopus.Script"}]},{"Name":"deploy","Actions":[{"Name":"A2","ActionType":"Octopus.Script"}]}]""", "deploy")]
    [InlineData("""[{"Name":"S1","Actions":[{"Name":"Run","ActionType":"Octopus.Script"}]},{"Name":"S2","Actions":[{"Name":"Run","ActionType":"Octopus.Script"}]}]""", "Run")]
    public async Task Step_and_action_names_are_unique_per_process(string steps, string duplicate)
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        process["Steps"] = JsonNode.Parse(steps);

        var error = await session.PutAsync((string)process["Links"]!["Self"]!, process, HttpStatusCode.BadRequest);

        Assert.Contains(duplicate, (string?)error["Errors"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variable_ids_must_be_unique_in_a_set()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var set = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        var id = Guid.NewGuid().ToString();
        set["Variables"] = new JsonArray(
            new JsonObject { ["Id"] = id, ["Name"] = "A", ["Type"] = "String", ["Value"] = "1" },
            new JsonObject { ["Id"] = id, ["Name"] = "B", ["Type"] = "String", ["Value"] = "2" });

        var error = await session.PutAsync((string)set["Links"]!["Self"]!, set, HttpStatusCode.BadRequest);

        Assert.Equal("Variable ids must be unique.", (string?)error["Errors"]![0]);
    }

    [Fact]
    public async Task Built_in_feed_cannot_be_created_or_deleted()
    {
        await using var session = await EmulatorSession.StartAsync();

        await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "Mine", ["FeedType"] = "BuiltIn" }, HttpStatusCode.BadRequest);
        await session.SendAsync(HttpMethod.Delete, "/api/Spaces-1/feeds/feeds-builtin", null, HttpStatusCode.BadRequest);
    }
}
