using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>
/// A client written against the real API, not against the emulator: it starts from `/api`, expands the link
/// templates it finds (RFC 6570 `{/id}` and `{?…}`), and follows document links — the way Octopus.Client works (notes §2.3).
/// </summary>
public sealed class ThirdPartyClientScenarioTests
{
    [Fact]
    public async Task Create_project_group_and_project_then_follow_links_and_page_environments()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Octopus-ApiKey", server.ApiKey);

        var root = await Get(http, "/api");
        var spaces = await Get(http, Expand((string)root["Links"]!["Spaces"]!, "all"));
        var defaultSpace = spaces.AsArray().Single(s => (bool)s!["IsDefault"]!)!;
        var spaceRoot = await Get(http, (string)defaultSpace["Links"]!["SpaceHome"]!);
        var links = spaceRoot["Links"]!;

        var group = await Send(http, HttpMethod.Post, Expand((string)links["ProjectGroups"]!), new JsonObject { ["Name"] = "Web" }, HttpStatusCode.Created);
        var lifecycles = await Get(http, Expand((string)links["Lifecycles"]!, "all"));
        var project = await Send(http, HttpMethod.Post, Expand((string)links["Projects"]!), new JsonObject
        {
            ["Name"] = "Shop",
            ["ProjectGroupId"] = group["Id"]!.DeepClone(),
            ["LifecycleId"] = lifecycles[0]!["Id"]!.DeepClone(),
        }, HttpStatusCode.Created);

        var process = await Get(http, (string)project["Links"]!["DeploymentProcess"]!);
        var variables = await Get(http, (string)project["Links"]!["Variables"]!);
        Assert.Equal(project["DeploymentProcessId"]!.ToString(), process["Id"]!.ToString());
        Assert.Equal(project["Id"]!.ToString(), variables["OwnerId"]!.ToString());
        var modified = await Send(http, HttpMethod.Put, (string)project["Links"]!["Self"]!, project.DeepClone(), HttpStatusCode.OK);
        Assert.Equal("Shop", (string?)modified["Name"]);

        for (var i = 0; i < 35; i++)
        {
            await Send(http, HttpMethod.Post, Expand((string)links["Environments"]!), new JsonObject { ["Name"] = $"Env-{i}" }, HttpStatusCode.Created);
        }

        var seen = 0;
        string? next = Expand((string)links["Environments"]!);
        while (next is not null)
        {
            var page = await Get(http, next);
            seen += page["Items"]!.AsArray().Count;
            next = (string?)page["Links"]!["Page.Next"];
        }

        Assert.Equal(35, seen);
    }

    /// <summary>Minimal RFC 6570 expansion: `{/id}` with an optional id, query templates dropped.</summary>
    private static string Expand(string template, string? id = null)
    {
        var path = template.Replace("{/id}", id is null ? "" : "/" + id, StringComparison.Ordinal);
        var query = path.IndexOf("{?", StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }

    private static async Task<JsonNode> Get(HttpClient http, string path) =>
        await Send(http, HttpMethod.Get, path, null, HttpStatusCode.OK);

    private static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, JsonNode? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
