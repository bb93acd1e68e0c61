using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;

namespace OctoSync.IntegrationTests.Api;

public class ConnectTests
{
    [Theory]
    [InlineData(null, "Spaces-1", "Default")]
    [InlineData("default", "Spaces-1", "Default")]
    public async Task I_can_connect_to_the_default_space_by_name_or_by_omitting_it(string? space, string expectedId, string expectedName)
    {
        await using var server = await EmulatorServer.StartAsync();

        using var client = await Emulated.ConnectAsync(server, space: space);

        Assert.Equal(expectedId, client.SpaceId);
        Assert.Equal(expectedName, client.SpaceName);
        Assert.Equal(server.BaseUrl, client.ServerUrl);
    }

    [Fact]
    public async Task I_can_connect_to_another_space_by_name()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var admin = await Emulated.ConnectAsync(server);
        var created = await admin.CreateAsync("/api/spaces", new JsonObject
        {
            ["Name"] = "Production Space",
            ["SpaceManagersTeamMembers"] = new JsonArray("Users-1"),
        });

        using var client = await Emulated.ConnectAsync(server, space: "production space");
        var lifecycles = await client.GetAllAsync("lifecycles");

        Assert.Equal((string?)created["Id"], client.SpaceId);
        Assert.All(lifecycles, l => Assert.Equal(client.SpaceId, (string?)l["SpaceId"]));
        Assert.Equal("Production Space", client.SpaceName);
        Assert.StartsWith($"/api/{client.SpaceId}/", server.RequestLog.Last().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_space_names_the_server_and_the_spaces_it_has()
    {
        await using var server = await EmulatorServer.StartAsync();

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => Emulated.ConnectAsync(server, space: "Nope"));

        Assert.Contains($"Space 'Nope' was not found on {server.BaseUrl} (spaces: Default)", ex.Message);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_clear_error_that_shows_no_key()
    {
        await using var server = await EmulatorServer.StartAsync();
        var wrongKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() =>
            OctopusClient.ConnectAsync(new OctopusConnection(server.BaseUrl, wrongKey, null), Emulated.FastRetries));

        Assert.Equal(401, ex.StatusCode);
        Assert.Contains($"The API key was rejected by {server.BaseUrl}", ex.Message);
        Assert.DoesNotContain(wrongKey, ex.ToString());
        Assert.DoesNotContain(server.ApiKey, ex.ToString());
        Assert.All(server.RequestLog, e => Assert.DoesNotContain(wrongKey, e.Path));
    }
}
