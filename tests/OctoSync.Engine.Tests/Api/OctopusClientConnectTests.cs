using System.Net;
using OctoSync.Engine.Api;

namespace OctoSync.Engine.Tests.Api;

public class OctopusClientConnectTests
{
    [Theory]
    [InlineData("Second", "Spaces-2", "Second")]
    [InlineData("second", "Spaces-2", "Second")]
    [InlineData("DEFAULT", "Spaces-1", "Default")]
    [InlineData(null, "Spaces-1", "Default")]
    public async Task ConnectAsync_FindsTheSpaceByExactNameIgnoringCase(string? space, string expectedId, string expectedName)
    {
        using var client = await FakeServer.ConnectAsync(new FakeOctopusHandler(), space: space);

        Assert.Equal(expectedId, client.SpaceId);
        Assert.Equal(expectedName, client.SpaceName);
    }

    [Fact]
    public async Task ConnectAsync_UnknownSpace_NamesTheServerAndTheSpacesThere()
    {
        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => FakeServer.ConnectAsync(new FakeOctopusHandler(), space: "Secon"));

        Assert.Contains("Space 'Secon' was not found on http://octopus.test/ (spaces: Default, Second)", ex.Message);
    }

    [Theory]
    [InlineData("4.0.0")]
    [InlineData("2.0.0")]
    public async Task ConnectAsync_UnsupportedApiVersion_IsAClearError(string apiVersion)
    {
        var handler = new FakeOctopusHandler { ApiVersion = apiVersion };

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => FakeServer.ConnectAsync(handler));

        Assert.Contains($"ApiVersion {apiVersion}; OctoSync speaks 3.0.x", ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_NotAnOctopusServer_SaysSo()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api", (_, _) =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>Welcome to nginx</html>") });

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => FakeServer.ConnectAsync(handler));

        Assert.Contains("is this the URL of an Octopus Server?", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "The API key was rejected by http://octopus.test/")]
    [InlineData(HttpStatusCode.Forbidden, "The API key has no permission")]
    public async Task ConnectAsync_RejectedKey_ExplainsWithoutShowingTheKey(HttpStatusCode status, string expected)
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/spaces/all", (_, _) =>
            FakeOctopusHandler.Json(status, """{"ErrorMessage":"You must be logged in to perform this action."}"""));

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => FakeServer.ConnectAsync(handler));

        Assert.True(ex.IsUnauthorized);
        Assert.Contains(expected, ex.Message);
        Assert.Contains("You must be logged in", ex.Message);
        Assert.DoesNotContain(FakeServer.ApiKey, ex.ToString());
        Assert.Single(handler.Requests, r => r.PathAndQuery == "/api/spaces/all");
    }

    [Fact]
    public async Task ConnectAsync_SendsTheKeyOnlyInTheHeader()
    {
        var handler = new FakeOctopusHandler();

        using var client = await FakeServer.ConnectAsync(handler);

        Assert.All(handler.Requests, r => Assert.Equal(FakeServer.ApiKey, r.ApiKey));
        Assert.All(handler.Requests, r => Assert.DoesNotContain(FakeServer.ApiKey, r.PathAndQuery));
        Assert.Equal(["/api", "/api/spaces/all"], handler.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task ConnectAsync_ServerInAVirtualDirectory_KeepsTheDirectory()
    {
        var handler = new FakeOctopusHandler().On("GET", "/octopus/api/Spaces-1/projects/all", (_, _) => FakeOctopusHandler.Json("[]"));

        using var client = await FakeServer.ConnectAsync(handler, url: "http://octopus.test/octopus");
        await client.GetAllAsync("projects");
        await client.GetAllAsync("/octopus/api/Spaces-1/projects");

        Assert.Equal(new Uri("http://octopus.test/octopus/"), client.ServerUrl);
        Assert.Equal(["/octopus/api", "/octopus/api/spaces/all", "/octopus/api/Spaces-1/projects/all", "/octopus/api/Spaces-1/projects/all"],
            handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ConnectAsync_UnreachableServer_FailsWithStatusZeroAfterRetries()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api", (_, _) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (octopus.test:80)"));
        var options = new OctopusClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => FakeServer.ConnectAsync(handler, options));

        Assert.Equal(0, ex.StatusCode);
        Assert.Contains("GET http://octopus.test/api failed: no response: Connection refused", ex.Message);
        Assert.Equal(3, handler.Requests.Count);
    }
}
