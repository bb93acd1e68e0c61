using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>The Swagger route check itself, and the main routes (per-profile routes: <see cref="ProfileConformanceTests"/>).</summary>
public sealed class RouteConformanceTests
{
    [Theory]
    [InlineData("DELETE", "/api/{spaceId}/deploymentprocesses/{id}")]
    [InlineData("POST", "/api/{spaceId}/variables")]
    [InlineData("GET", "/api/{spaceId}/nothing")]
    public void Swagger_check_rejects_routes_the_real_server_lacks(string method, string template)
    {
        var path = SwaggerDocument.Normalise(template["/api".Length..]);

        Assert.DoesNotContain((method, path), SwaggerDocument.Current.Operations);
        Assert.DoesNotContain(EmulatorServer.Routes, r => r.Method == method && r.Template == template);
    }

    [Fact]
    public void Route_table_covers_the_main_collections()
    {
        var templates = EmulatorServer.Routes.Select(r => $"{r.Method} {r.Template}").ToHashSet();

        Assert.Contains("GET /api/{spaceId}/projects/{id}", templates);
        Assert.Contains("PUT /api/{spaceId}/deploymentprocesses/{id}", templates);
        Assert.Contains("PUT /api/{spaceId}/variables/{id}", templates);
        Assert.Contains("GET /api/{spaceId}/projects/{projectId}/channels", templates);
        Assert.Contains("GET /api/spaces/all", templates);
        Assert.Contains("GET /api/environments/all", templates);
    }
}
