using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class ProjectTests
{
    [Fact]
    public async Task Creating_a_project_creates_its_variable_set_process_and_default_channel()
    {
        await using var session = await EmulatorSession.StartAsync();

        var project = await session.CreateProjectAsync("OctoFx");
        var id = (string)project["Id"]!;

        Assert.Equal("Projects-1", id);
        Assert.Equal("octofx", (string?)project["Slug"]);
        Assert.Equal("Spaces-1", (string?)project["SpaceId"]);
        Assert.Equal("variableset-Projects-1", (string?)project["VariableSetId"]);
        Assert.Equal("deploymentprocess-Projects-1", (string?)project["DeploymentProcessId"]);
        Assert.Equal("/api/Spaces-1/projects/Projects-1", (string?)project["Links"]!["Self"]);

        var variables = await session.GetObjectAsync((string)project["Links"]!["Variables"]!);
        Assert.Equal(id, (string?)variables["OwnerId"]);
        Assert.Equal(0, (int)variables["Version"]!);
        Assert.Empty(variables["Variables"]!.AsArray());

        var process = await session.GetObjectAsync((string)project["Links"]!["DeploymentProcess"]!);
        Assert.Equal("deploymentprocess-Projects-1", (string?)process["Id"]);
        Assert.Equal(0, (int)process["Version"]!);
        Assert.Empty(process["Steps"]!.AsArray());

        var channels = await session.GetObjectAsync($"/api/Spaces-1/projects/{id}/channels");
        var channel = Assert.Single(channels["Items"]!.AsArray())!;
        Assert.Equal("Default", (string?)channel["Name"]);
        Assert.True((bool)channel["IsDefault"]!);
        Assert.Null(channel["LifecycleId"]);
    }

    [Fact]
    public async Task Unknown_fields_are_stored_and_returned_unchanged()
    {
        await using var session = await EmulatorSession.StartAsync();
        var body = new JsonObject
        {
            ["Name"] = "Future",
            ["ProjectGroupId"] = "ProjectGroups-1",
            ["LifecycleId"] = "Lifecycles-1",
            ["SomethingNew"] = new JsonObject { ["Nested"] = new JsonArray(1, 2, 3) },
        };

        var created = await session.PostAsync("/api/Spaces-1/projects", body);
        var read = await session.GetObjectAsync($"/api/Spaces-1/projects/{created["Id"]}");

        Assert.Equal("{\"Nested\":[1,2,3]}", read["SomethingNew"]!.ToJsonString());
    }

    [Fact]
    public async Task Deleting_a_project_removes_what_it_owns()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Doomed");
        await session.PostAsync("/api/Spaces-1/runbooks", new JsonObject { ["Name"] = "Restart", ["ProjectId"] = project["Id"]!.DeepClone() });

        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/projects/{project["Id"]}", null, HttpStatusCode.OK);

        await session.GetAsync("/api/Spaces-1/variables/variableset-Projects-1", HttpStatusCode.NotFound);
        await session.GetAsync("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1", HttpStatusCode.NotFound);
        await session.GetAsync("/api/Spaces-1/runbookProcesses/RunbookProcess-Runbooks-1", HttpStatusCode.NotFound);
        Assert.Empty((await session.GetAsync("/api/Spaces-1/channels/all")).AsArray());
        Assert.Empty((await session.GetAsync("/api/Spaces-1/runbooks/all")).AsArray());
    }

    [Fact]
    public async Task A_runbook_gets_its_runbook_process()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Ops");

        var runbook = await session.PostAsync($"/api/Spaces-1/projects/{project["Id"]}/runbooks", new JsonObject { ["Name"] = "Restart" });

        Assert.Equal("RunbookProcess-Runbooks-1", (string?)runbook["RunbookProcessId"]);
        var process = await session.GetObjectAsync($"/api/Spaces-1/projects/{project["Id"]}/runbookProcesses/RunbookProcess-Runbooks-1");
        Assert.Equal("Runbooks-1", (string?)process["RunbookId"]);
        Assert.Equal(0, (int)process["Version"]!);
    }

    [Fact]
    public async Task Project_can_be_read_by_slug()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateProjectAsync("Octo Fx");

        var project = await session.GetObjectAsync("/api/Spaces-1/projects/octo-fx");

        Assert.Equal("Projects-1", (string?)project["Id"]);
    }
}
