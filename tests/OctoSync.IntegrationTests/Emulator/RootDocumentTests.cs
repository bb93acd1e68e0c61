using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class RootDocumentTests
{
    [Fact]
    public async Task Root_is_anonymous_and_looks_like_a_real_server()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = session.Server.BaseUrl };
        var root = JsonNode.Parse(await anonymous.GetStringAsync(new Uri("api", UriKind.Relative)))!;

        Assert.Equal("Octopus Deploy", (string?)root["Application"]);
        Assert.Equal("3.0.0", (string?)root["ApiVersion"]);
        Assert.Equal("2024.3.0", (string?)root["Version"]); // the default profile (docs/emulator.md)
        Assert.Equal("/api/spaces{/id}{?name,skip,ids,take,partialName}", (string?)root["Links"]!["Spaces"]);
        Assert.Equal("/api/users/me", (string?)root["Links"]!["CurrentUser"]);
        Assert.Equal("/api/{spaceId}", (string?)root["Links"]!["SpaceHome"]);
    }

    [Theory]
    [InlineData("Projects", "/api/Spaces-1/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}")]
    [InlineData("Environments", "/api/Spaces-1/environments{/id}{?name,skip,ids,take,partialName}")]
    [InlineData("LibraryVariables", "/api/Spaces-1/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}")]
    [InlineData("Variables", "/api/Spaces-1/variables{/id}{?ids}")]
    [InlineData("Feeds", "/api/Spaces-1/feeds{/id}{?skip,take,ids,partialName,feedType,name}")]
    [InlineData("Self", "/api/Spaces-1")]
    public async Task Space_root_carries_link_templates(string link, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();

        var spaceRoot = await session.GetObjectAsync("/api/Spaces-1");

        Assert.Equal(expected, (string?)spaceRoot["Links"]![link]);
    }

    [Theory]
    [InlineData("Self")]
    [InlineData("Accounts")]
    [InlineData("ActionTemplates")]
    [InlineData("Channels")]
    [InlineData("Certificates")]
    [InlineData("DeploymentProcesses")]
    [InlineData("Lifecycles")]
    [InlineData("MachinePolicies")]
    [InlineData("Machines")]
    [InlineData("ProjectGroups")]
    [InlineData("Runbooks")]
    [InlineData("RunbookProcesses")]
    [InlineData("TagSets")]
    [InlineData("Tenants")]
    [InlineData("TenantVariables")]
    [InlineData("WorkerPools")]
    [InlineData("Workers")]
    public async Task Space_root_has_every_collection_link(string link)
    {
        await using var session = await EmulatorSession.StartAsync();

        var spaceRoot = await session.GetObjectAsync("/api/Spaces-1");

        Assert.StartsWith("/api/", (string?)spaceRoot["Links"]![link]);
    }

    [Fact]
    public async Task Each_server_has_its_own_installation_id_unless_the_options_fix_it()
    {
        var fixedId = Guid.NewGuid().ToString();
        await using var first = await EmulatorSession.StartAsync();
        await using var second = await EmulatorSession.StartAsync();
        await using var pinned = await EmulatorSession.StartAsync(new OctoSync.Emulator.EmulatorOptions { InstallationId = fixedId });

        var firstId = (string?)(await first.GetObjectAsync("/api"))["InstallationId"];
        var secondId = (string?)(await second.GetObjectAsync("/api"))["InstallationId"];

        Assert.True(Guid.TryParse(firstId, out _), firstId);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(firstId, (string?)(await first.GetObjectAsync("/api"))["InstallationId"]); // stable for the server's life
        Assert.Equal(first.Server.InstallationId, firstId);
        Assert.Equal(fixedId, (string?)(await pinned.GetObjectAsync("/api"))["InstallationId"]);
    }

    [Fact]
    public async Task Unknown_space_is_404()
    {
        await using var session = await EmulatorSession.StartAsync();

        var body = await session.GetAsync("/api/Spaces-99/projects", HttpStatusCode.NotFound);

        Assert.Equal("The resource you requested was not found.", (string?)body["ErrorMessage"]);
    }
}
