using OctoSync.Emulator;
using OctoSync.Engine.Snapshot;
using OctoSync.IntegrationTests.Api;

namespace OctoSync.IntegrationTests.Snapshot;

public class SnapshotRequestCountTests
{
    /// <summary>
    /// One <c>/all</c> per collection, then one request per batch of 50 ids for deployment processes, runbook
    /// processes and variable sets (project and library sets together). Nothing else grows with the projects.
    /// </summary>
    public static int ExpectedRequests(int projects, int runbooks, int libraryVariableSets) =>
        SnapshotCollections.All.Count + Batches(projects) + Batches(runbooks) + Batches(projects + libraryVariableSets);

    [Theory]
    [InlineData(5, 20)]
    [InlineData(60, 23)]
    public async Task A_read_costs_one_request_per_collection_plus_one_per_batch(int projects, int expected)
    {
        var shape = new SyntheticSpaceShape(projects);
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await SyntheticSpace.SeedAsync(client, shape);
        var before = client.RequestCount;
        server.ClearRequestLog();

        var snapshot = await SnapshotReader.ReadAsync(client);

        Assert.Equal(projects, snapshot.Projects.Count);
        Assert.Equal(expected, ExpectedRequests(projects, projects * shape.RunbooksPerProject, shape.LibraryVariableSets));
        Assert.Equal(expected, client.RequestCount - before);
        Assert.Equal(expected, server.RequestLog.Count);
        Assert.All(server.RequestLog, e => Assert.Equal(200, e.Status));
    }

    private static int Batches(int ids) => (ids + 49) / 50;
}
