using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Swagger 2021.2 `/{baseSpaceId}/teams` (+ `/all`, `/{id}`): system teams plus the space's own teams.</summary>
public sealed class SpaceTeamTests
{
    [Fact]
    public async Task Space_teams_list_system_teams_and_the_space_own_teams_only()
    {
        await using var session = await EmulatorSession.StartAsync();
        var other = (JsonObject)await session.PostAsync("/api/spaces", new JsonObject { ["Name"] = "Other", ["SpaceManagersTeamMembers"] = new JsonArray("Users-1") });
        var mine = (JsonObject)await session.PostAsync("/api/Spaces-1/teams", new JsonObject { ["Name"] = "Deployers" });
        await session.PostAsync($"/api/{other["Id"]}/teams", new JsonObject { ["Name"] = "Elsewhere" });

        var all = (JsonArray)await session.GetAsync("/api/Spaces-1/teams/all");
        var names = all.Select(t => (string?)t!["Name"]).ToList();

        Assert.Equal("Spaces-1", (string?)mine["SpaceId"]);
        Assert.Contains("Deployers", names);
        Assert.Contains("Everyone", names);
        Assert.DoesNotContain("Elsewhere", names);
        Assert.Equal(all.Count, (int)(await session.GetObjectAsync("/api/Spaces-1/teams"))["TotalResults"]!);
    }

    [Fact]
    public async Task IncludeSystem_false_leaves_only_space_teams()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.PostAsync("/api/Spaces-1/teams", new JsonObject { ["Name"] = "Deployers" });

        var page = await session.GetObjectAsync("/api/Spaces-1/teams?includeSystem=false");

        Assert.All(page["Items"]!.AsArray(), t => Assert.Equal("Spaces-1", (string?)t!["SpaceId"]));
        Assert.Contains(page["Items"]!.AsArray(), t => (string?)t!["Name"] == "Deployers");
    }

    [Fact]
    public async Task A_team_of_another_space_is_not_found_and_api_teams_still_lists_every_team()
    {
        await using var session = await EmulatorSession.StartAsync();
        var other = (JsonObject)await session.PostAsync("/api/spaces", new JsonObject { ["Name"] = "Other", ["SpaceManagersTeamMembers"] = new JsonArray("Users-1") });
        var elsewhere = (JsonObject)await session.PostAsync($"/api/{other["Id"]}/teams", new JsonObject { ["Name"] = "Elsewhere" });

        await session.GetAsync($"/api/Spaces-1/teams/{elsewhere["Id"]}", HttpStatusCode.NotFound);
        await session.GetAsync($"/api/{other["Id"]}/teams/{elsewhere["Id"]}");
        await session.GetAsync("/api/Spaces-1/teams/teams-everyone");
        var every = (JsonArray)await session.GetAsync("/api/teams/all");
        Assert.Contains(every, t => (string?)t!["Name"] == "Elsewhere");
    }

    [Fact]
    public async Task Space_teams_can_be_renamed_and_deleted_but_system_teams_cannot_be_deleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var team = (JsonObject)await session.PostAsync("/api/Spaces-1/teams", new JsonObject { ["Name"] = "Deployers" });
        team["Name"] = "Releasers";

        var renamed = await session.PutAsync($"/api/Spaces-1/teams/{team["Id"]}", team);
        await session.SendAsync(HttpMethod.Delete, "/api/Spaces-1/teams/teams-everyone", null, HttpStatusCode.BadRequest);
        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/teams/{team["Id"]}", null, HttpStatusCode.OK);

        Assert.Equal("Releasers", (string?)renamed["Name"]);
        await session.GetAsync($"/api/teams/{team["Id"]}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Server_teams_filtered_by_spaces_keep_system_teams_and_that_space_teams()
    {
        await using var session = await EmulatorSession.StartAsync();
        var other = (JsonObject)await session.PostAsync("/api/spaces", new JsonObject { ["Name"] = "Other", ["SpaceManagersTeamMembers"] = new JsonArray("Users-1") });
        await session.PostAsync("/api/Spaces-1/teams", new JsonObject { ["Name"] = "Deployers" });
        await session.PostAsync($"/api/{other["Id"]}/teams", new JsonObject { ["Name"] = "Elsewhere" });

        var names = (await session.GetObjectAsync("/api/teams?spaces=Spaces-1&take=100"))["Items"]!.AsArray().Select(t => (string?)t!["Name"]).ToList();

        Assert.Contains("Deployers", names);
        Assert.Contains("Everyone", names);
        Assert.DoesNotContain("Elsewhere", names);
    }
}
