using System.Net;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("/api/Spaces-1/lifecycles/Lifecycles-1")]
    [InlineData("/api/spaces/Spaces-1/lifecycles/Lifecycles-1")]
    [InlineData("/api/lifecycles/Lifecycles-1")]
    [InlineData("/API/spaces-1/LIFECYCLES/lifecycles-1")]
    [InlineData("/api/Spaces-1/lifecycles/default-lifecycle")]
    public async Task Three_route_forms_and_any_case_reach_the_same_resource(string path)
    {
        await using var session = await EmulatorSession.StartAsync();

        var lifecycle = await session.GetObjectAsync(path);

        Assert.Equal("Lifecycles-1", (string?)lifecycle["Id"]);
        Assert.Equal("Default Lifecycle", (string?)lifecycle["Name"]);
        Assert.Equal("/api/Spaces-1/lifecycles/Lifecycles-1", (string?)lifecycle["Links"]!["Self"]);
    }

    [Theory]
    [InlineData("/api/Spaces-1/feeds/feeds-builtin", "BuiltIn")]
    [InlineData("/api/Spaces-1/feeds/FEEDS-BUILTIN-RELEASES", "OctopusProject")]
    public async Task Fresh_space_has_the_built_in_feeds(string path, string feedType)
    {
        await using var session = await EmulatorSession.StartAsync();

        var feed = await session.GetObjectAsync(path);

        Assert.Equal(feedType, (string?)feed["FeedType"]);
    }

    [Theory]
    [InlineData("/api/Spaces-1/projectgroups/all", "Default Project Group")]
    [InlineData("/api/Spaces-1/workerpools/all", "Default Worker Pool")]
    [InlineData("/api/Spaces-1/machinepolicies/all", "Default Machine Policy")]
    [InlineData("/api/Spaces-1/lifecycles/all", "Default Lifecycle")]
    [InlineData("/api/spaces/all", "Default")]
    public async Task Fresh_install_has_the_default_resources(string path, string name)
    {
        await using var session = await EmulatorSession.StartAsync();

        var all = (await session.GetAsync(path)).AsArray();

        Assert.Contains(all, x => (string?)x!["Name"] == name);
    }

    [Theory]
    [InlineData("teams-everyone")]
    [InlineData("teams-administrators")]
    [InlineData("teams-managers")]
    public async Task System_teams_exist(string id)
    {
        await using var session = await EmulatorSession.StartAsync();

        var team = await session.GetObjectAsync($"/api/teams/{id}");

        Assert.Equal(id, (string?)team["Id"]);
    }

    [Fact]
    public async Task Current_user_is_served()
    {
        await using var session = await EmulatorSession.StartAsync();

        var me = await session.GetObjectAsync("/api/users/me");

        Assert.Equal("Users-1", (string?)me["Id"]);
    }

    [Fact]
    public async Task Wrong_verb_is_405_and_unknown_path_404()
    {
        await using var session = await EmulatorSession.StartAsync();

        await session.SendAsync(HttpMethod.Delete, "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1", null, HttpStatusCode.MethodNotAllowed);
        await session.GetAsync("/api/Spaces-1/nothing-here", HttpStatusCode.NotFound);
        var missing = await session.GetAsync("/api/Spaces-1/environments/Environments-404", HttpStatusCode.NotFound);
        Assert.Equal("The resource you requested was not found.", (string?)missing["ErrorMessage"]);
    }

    [Fact]
    public async Task A_new_space_is_seeded_like_a_fresh_one_with_server_wide_ids()
    {
        await using var session = await EmulatorSession.StartAsync();

        var space = await session.PostAsync("/api/spaces", new System.Text.Json.Nodes.JsonObject { ["Name"] = "Second", ["SpaceManagersTeams"] = new System.Text.Json.Nodes.JsonArray("teams-administrators") });
        var spaceId = (string)space["Id"]!;
        var lifecycles = (await session.GetAsync($"/api/{spaceId}/lifecycles/all")).AsArray();
        var project = await session.PostAsync($"/api/{spaceId}/projects", new System.Text.Json.Nodes.JsonObject
        {
            ["Name"] = "P",
            ["ProjectGroupId"] = "ProjectGroups-2",
            ["LifecycleId"] = "Lifecycles-2",
        });

        Assert.Equal("Spaces-2", spaceId);
        var lifecycle = Assert.Single(lifecycles)!;
        Assert.Equal("Default Lifecycle", (string?)lifecycle["Name"]);
        Assert.Equal("Lifecycles-2", (string?)lifecycle["Id"]);
        Assert.Empty((await session.GetAsync("/api/Spaces-1/projects/all")).AsArray());
        Assert.Equal("/api/Spaces-2/projects/Projects-1", (string?)project["Links"]!["Self"]);
    }
}
