using System.Net;
using OctoSync.Engine.Api;

namespace OctoSync.Engine.Tests.Api;

public class OctopusSpaceClientErrorTests
{
    private static readonly OctopusClientOptions NoRetries = new() { MaxRetries = 0 };

    [Fact]
    public async Task ValidationError_CarriesErrorMessageAndErrors()
    {
        var handler = new FakeOctopusHandler().On("PUT", "/api/Spaces-1/variables/variableset-Projects-1", (_, _) => FakeOctopusHandler.Json(
            HttpStatusCode.BadRequest, """{"ErrorMessage":"There was a problem with your request.","Errors":["Variable ids must be unique.","Variable validation failed."]}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.UpdateAsync("variables/variableset-Projects-1", new() { ["Id"] = "x" }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("PUT", ex.Method);
        Assert.Equal("http://octopus.test/api/Spaces-1/variables/variableset-Projects-1", ex.Url);
        Assert.Equal(["Variable ids must be unique.", "Variable validation failed."], ex.Errors);
        Assert.Equal("PUT http://octopus.test/api/Spaces-1/variables/variableset-Projects-1 → 400: There was a problem with your request. "
            + "(Variable ids must be unique.; Variable validation failed.)", ex.Message);
        Assert.False(ex.IsVersionConflict);
    }

    [Fact]
    public async Task StaleVersion_IsAVersionConflict()
    {
        var handler = new FakeOctopusHandler().On("PUT", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1", (_, _) => FakeOctopusHandler.Json(
            HttpStatusCode.BadRequest, """{"ErrorMessage":"Changes to these variables could not be saved, because another user has made changes to the variables between when you started editing and when you saved your changes. Please reload or open a new tab to make your changes.","Errors":[]}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.UpdateAsync("deploymentprocesses/deploymentprocess-Projects-1", new()));

        Assert.True(ex.IsVersionConflict);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"ErrorMessage":"The resource you requested was not found."}""", "→ 404: The resource you requested was not found.")]
    [InlineData(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", "→ 502: Bad Gateway")]
    [InlineData(HttpStatusCode.InternalServerError, "Something broke", "→ 500: Something broke")]
    [InlineData(HttpStatusCode.BadRequest, """{"ErrorMessage":""", "→ 400: Bad Request")]
    public async Task ErrorBodies_AreToleratedWhetherJsonOrNot(HttpStatusCode status, string body, string expected)
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/projects/Projects-1", (_, _) =>
            new HttpResponseMessage(status) { Content = new StringContent(body) });
        using var client = await FakeServer.ConnectAsync(handler, NoRetries);

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.GetAsync("projects/Projects-1"));

        Assert.EndsWith(expected, ex.Message);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal(status == HttpStatusCode.NotFound, ex.IsNotFound);
    }

    [Fact]
    public async Task LinksToAnotherHost_AreRefusedSoTheKeyStaysHome()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/projects", (_, _) => FakeOctopusHandler.Json(
            """{"Items":[{"Id":"Projects-1"}],"Links":{"Page.Next":"http://evil.test/api/Spaces-1/projects?skip=30"}}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in client.ListAsync("projects"))
            {
            }
        });

        Assert.Contains("another server", ex.Message);
        Assert.DoesNotContain(handler.Requests, r => r.PathAndQuery.Contains("skip=30", StringComparison.Ordinal));
    }
}
