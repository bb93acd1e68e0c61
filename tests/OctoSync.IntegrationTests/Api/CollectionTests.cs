using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.Api;

public class CollectionTests
{
    [Fact]
    public async Task ListAsync_pages_through_a_collection_following_Page_Next()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await CreateEnvironmentsAsync(client, 25);
        server.ClearRequestLog();

        var names = new List<string>();
        await foreach (var environment in client.ListAsync("environments", "take=10"))
        {
            names.Add(environment.Name());
        }

        Assert.Equal(25, names.Count);
        Assert.Equal(25, names.Distinct().Count());
        Assert.Equal(3, server.RequestLog.Count);
    }

    [Fact]
    public async Task GetAllAsync_reads_a_collection_in_one_request()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await CreateEnvironmentsAsync(client, 40);
        server.ClearRequestLog();

        var all = await client.GetAllAsync("environments");

        Assert.Equal(40, all.Count);
        Assert.Equal($"/api/{client.SpaceId}/environments/all", Assert.Single(server.RequestLog).Path);
    }

    [Fact]
    public async Task Filters_pass_through_the_query()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await CreateEnvironmentsAsync(client, 12);

        var matches = new List<string>();
        await foreach (var environment in client.ListAsync("environments", "partialName=Env%201"))
        {
            matches.Add(environment.Name());
        }

        Assert.Equal(["Env 1", "Env 10", "Env 11", "Env 12"], matches.Order());
    }

    [Fact]
    public async Task GetByIdsAsync_reads_exactly_the_requested_documents_in_batches()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        var ids = await CreateEnvironmentsAsync(client, 70);
        var wanted = ids.Where((_, i) => i % 2 == 0).Concat(ids.Take(3)).ToList();
        server.ClearRequestLog();

        var found = await client.GetByIdsAsync("environments", wanted);

        Assert.Equal(wanted.Distinct().Order(), found.Select(e => e.Id()).Order());
        Assert.Single(server.RequestLog);
        Assert.Equal(36, found.Count);
    }

    private static async Task<List<string>> CreateEnvironmentsAsync(Engine.Api.IOctopusSpaceClient client, int count)
    {
        var created = await Task.WhenAll(Enumerable.Range(1, count).Select(i =>
            client.CreateAsync("environments", new JsonObject { ["Name"] = $"Env {i}" })));
        return created.Select(e => e.Id()).ToList();
    }
}
