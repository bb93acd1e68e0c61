using OctoSync.Emulator;
using OctoSync.Engine.Model;
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
    [InlineData(5, 21)]
    [InlineData(60, 24)]
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

    [Fact]
    public async Task Under_random_faults_a_read_is_complete_and_costs_the_formula_plus_its_retries()
    {
        var shape = new SyntheticSpaceShape(8);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { FaultRate = 0.15, FaultSeed = 3 });
        using var client = await Emulated.ConnectAsync(server, Emulated.FastRetries with { MaxRetries = 10 });
        await SyntheticSpace.SeedAsync(client, shape);
        var (requests, retries) = (client.RequestCount, client.RetryCount);

        var snapshot = await SnapshotReader.ReadAsync(client);

        Assert.Equal(8, snapshot.Projects.Count);
        Assert.Equal(8, snapshot.DeploymentProcesses.Count);
        Assert.Equal(10, snapshot.VariableSets.Count);
        Assert.All(snapshot.Projects, p => Assert.Equal(20, snapshot.VariableSets[p.Str("VariableSetId")!].Arr("Variables").Count));
        Assert.Equal(ExpectedRequests(8, 8, 2) + (client.RetryCount - retries), client.RequestCount - requests);
    }

    private static int Batches(int ids) => (ids + 49) / 50;
}
