using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>Every route the emulator serves must exist, with the same verb, in the real server's Swagger.</summary>
public sealed class RouteConformanceTests
{
    /// <summary>
    /// Routes newer than the 2021.2 Swagger, served because current servers have them (API notes §2.10:
    /// `GET|PUT /projects/{projectId}/variables` arrived with Config-as-Code variables in 2022+).
    /// </summary>
    private static readonly HashSet<(string, string)> NewerThanSwagger =
    [
        ("GET", "/{}/projects/{}/variables"),
        ("PUT", "/{}/projects/{}/variables"),
        ("GET", "/projects/{}/variables"),
        ("PUT", "/projects/{}/variables"),
    ];

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in EmulatorServer.Routes)
        {
            data.Add(route.Method, route.Template);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Route_exists_in_the_swagger(string method, string template)
    {
        Assert.StartsWith("/api", template, StringComparison.Ordinal);
        var path = SwaggerDocument.Normalise(template["/api".Length..] is "" ? "/" : template["/api".Length..]);

        var known = SwaggerDocument.Current.Operations.Contains((method, path)) || NewerThanSwagger.Contains((method, path));

        Assert.True(known, $"{method} {template} (normalised {path}) is not in the 2021.2.4488 Swagger");
    }

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
