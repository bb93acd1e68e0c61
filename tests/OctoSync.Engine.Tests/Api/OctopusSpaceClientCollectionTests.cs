using System.Text.Json.Nodes;
using System.Web;

namespace OctoSync.Engine.Tests.Api;

public class OctopusSpaceClientCollectionTests
{
    [Fact]
    public async Task GetAllAsync_ReadsTheBareArrayOfAll()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/environments/all", (_, _) =>
            FakeOctopusHandler.Json("""[{"Id":"Environments-1","Name":"Dev","Custom":{"Kept":true}},{"Id":"Environments-2","Name":"Test"}]"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var all = await client.GetAllAsync("environments");

        Assert.Equal(["Dev", "Test"], all.Select(e => (string?)e["Name"]));
        Assert.True((bool?)all[0]["Custom"]?["Kept"]);
        Assert.All(all, e => Assert.Null(e.Parent));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(120, 3)]
    public async Task GetByIdsAsync_BatchesFiftyIdsPerRequest(int count, int expectedRequests)
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/deploymentprocesses", (r, _) => EchoIds(r));
        using var client = await FakeServer.ConnectAsync(handler);
        var ids = Enumerable.Range(1, count).Select(i => $"deploymentprocess-Projects-{i}").ToList();

        var processes = await client.GetByIdsAsync("deploymentprocesses", ids);

        var batches = handler.Requests.Skip(2).ToList();
        Assert.Equal(expectedRequests, batches.Count);
        Assert.Equal(ids.Order(), processes.Select(p => (string)p["Id"]!).Order());
        Assert.All(batches, b => Assert.Equal(IdsOf(b.PathAndQuery).Count.ToString(), Query(b.PathAndQuery)["take"]));
    }

    [Fact]
    public async Task GetByIdsAsync_LongIds_KeepEveryUrlUnder2000Characters()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/variables/all", (r, _) => EchoIds(r, envelope: false));
        using var client = await FakeServer.ConnectAsync(handler);
        var ids = Enumerable.Range(1, 40).Select(i => $"variableset-{new string('x', 90)}-{i}").ToList();

        var sets = await client.GetByIdsAsync("variables/all", ids);

        var batches = handler.Requests.Skip(2).ToList();
        Assert.Equal(40, sets.Count);
        Assert.True(batches.Count >= 3, $"{batches.Count} batches");
        Assert.All(batches, b => Assert.True(("http://octopus.test" + b.PathAndQuery).Length < 2000));
    }

    [Fact]
    public async Task GetByIdsAsync_DuplicateIds_AreAskedOnce()
    {
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/runbookProcesses", (r, _) => EchoIds(r));
        using var client = await FakeServer.ConnectAsync(handler);

        var processes = await client.GetByIdsAsync("runbookProcesses", ["RunbookProcess-Runbooks-1", "runbookprocess-runbooks-1", "RunbookProcess-Runbooks-2"]);

        Assert.Equal(2, processes.Count);
        Assert.Equal("RunbookProcess-Runbooks-1,RunbookProcess-Runbooks-2", Query(handler.Requests[2].PathAndQuery)["ids"]);
    }

    [Fact]
    public async Task GetByIdsAsync_ServerCapsTake_FollowsPageNext()
    {
        var handler = new FakeOctopusHandler()
            .On("GET", "/api/Spaces-1/tenants?ids=Tenants-1,Tenants-2,Tenants-3&take=3", (_, _) => FakeOctopusHandler.Json(
                """{"Items":[{"Id":"Tenants-1"},{"Id":"Tenants-2"}],"Links":{"Page.Next":"/api/Spaces-1/tenants?ids=Tenants-1,Tenants-2,Tenants-3&skip=2&take=2"}}"""))
            .On("GET", "/api/Spaces-1/tenants?ids=Tenants-1,Tenants-2,Tenants-3&skip=2&take=2", (_, _) => FakeOctopusHandler.Json(
                """{"Items":[{"Id":"Tenants-3"}],"Links":{}}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var tenants = await client.GetByIdsAsync("tenants", ["Tenants-1", "Tenants-2", "Tenants-3"]);

        Assert.Equal(["Tenants-1", "Tenants-2", "Tenants-3"], tenants.Select(t => (string)t["Id"]!));
    }

    [Fact]
    public async Task GetByIdsAsync_ServerIgnoresIds_ReadsTheCollectionOnceAndKeepsTheAskedOnes()
    {
        var all = string.Join(',', Enumerable.Range(1, 120).Select(i => $$"""{"Id":"RunbookProcess-Runbooks-{{i}}"}"""));
        var handler = new FakeOctopusHandler().On("GET", "/api/Spaces-1/runbookProcesses", (_, _) =>
            FakeOctopusHandler.Json("{\"Items\":[" + all + "],\"Links\":{}}"));
        using var client = await FakeServer.ConnectAsync(handler);
        var wanted = Enumerable.Range(1, 60).Select(i => $"RunbookProcess-Runbooks-{i * 2}").ToList();

        var processes = await client.GetByIdsAsync("runbookProcesses", wanted);

        Assert.Equal(wanted.Order(), processes.Select(p => (string)p["Id"]!).Order());
        Assert.Single(handler.Requests, r => r.PathAndQuery == "/api/Spaces-1/runbookProcesses?take=1000");
        Assert.Equal(2, handler.Requests.Count(r => r.PathAndQuery.Contains("ids=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListAsync_FollowsPageNextLinksUntilTheLastPage()
    {
        var handler = new FakeOctopusHandler()
            .On("GET", "/api/Spaces-1/projects?partialName=Octo&take=2", (_, _) => FakeOctopusHandler.Json(
                """{"Items":[{"Name":"OctoFx"},{"Name":"OctoPetShop"}],"Links":{"Page.Next":"/api/Spaces-1/projects?partialName=Octo&skip=2&take=2"}}"""))
            .On("GET", "/api/Spaces-1/projects?partialName=Octo&skip=2&take=2", (_, _) => FakeOctopusHandler.Json(
                """{"Items":[{"Name":"OctoWeb"}],"Links":{"Page.Current":"/api/Spaces-1/projects?skip=2&take=2"}}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var names = new List<string>();
        await foreach (var project in client.ListAsync("projects", "partialName=Octo&take=2"))
        {
            names.Add((string)project["Name"]!);
        }

        Assert.Equal(["OctoFx", "OctoPetShop", "OctoWeb"], names);
    }

    [Fact]
    public async Task UpdateAsync_SendsTheWholeDocumentBack()
    {
        const string document = """{"Id":"Projects-1","Name":"OctoFx","FieldFrom2030":{"Nested":[1,2,{"x":null}]},"Links":{"Self":"/api/Spaces-1/projects/Projects-1"}}""";
        var handler = new FakeOctopusHandler().On("PUT", "/api/Spaces-1/projects/Projects-1", (r, _) =>
            FakeOctopusHandler.Json(r.Content!.ReadAsStringAsync().Result));
        using var client = await FakeServer.ConnectAsync(handler);

        var saved = await client.UpdateAsync("/api/Spaces-1/projects/Projects-1", JsonNode.Parse(document)!.AsObject());

        Assert.Equal(document, handler.Requests[^1].Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document), saved));
    }

    [Fact]
    public async Task CreateAsync_PostsToTheCollectionAndReturnsTheCreatedDocument()
    {
        var handler = new FakeOctopusHandler().On("POST", "/api/Spaces-1/environments", (_, _) =>
            FakeOctopusHandler.Json(System.Net.HttpStatusCode.Created, """{"Id":"Environments-9","Name":"Staging"}"""));
        using var client = await FakeServer.ConnectAsync(handler);

        var created = await client.CreateAsync("environments", new JsonObject { ["Name"] = "Staging" });

        Assert.Equal("Environments-9", (string?)created["Id"]);
        Assert.Equal("""{"Name":"Staging"}""", handler.Requests[^1].Body);
    }

    private static List<string> IdsOf(string pathAndQuery) => Query(pathAndQuery)["ids"]!.Split(',').ToList();

    private static System.Collections.Specialized.NameValueCollection Query(string pathAndQuery) =>
        HttpUtility.ParseQueryString(new Uri("http://x" + pathAndQuery).Query);

    private static HttpResponseMessage EchoIds(HttpRequestMessage request, bool envelope = true)
    {
        var items = string.Join(',', IdsOf(request.RequestUri!.PathAndQuery).Select(id => $$"""{"Id":"{{id}}"}"""));
        return FakeOctopusHandler.Json(envelope ? "{\"Items\":[" + items + "],\"Links\":{}}" : $"[{items}]");
    }
}
