using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Snapshot;
using OctoSync.IntegrationTests.Api;

namespace OctoSync.IntegrationTests.Snapshot;

public class SnapshotReaderTests
{
    [Fact]
    public async Task A_snapshot_of_a_seeded_space_has_everything()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await SyntheticSpace.SeedAsync(client, new SyntheticSpaceShape(5));
        await AddOneOfEachAsync(client);

        var snapshot = await SnapshotReader.ReadAsync(client);

        Assert.Equal(("Spaces-1", "Default"), (snapshot.SpaceId, snapshot.SpaceName));
        Assert.Equal(["Development", "Production", "Test"], snapshot.Environments.Select(e => e.Name()).Order());
        Assert.Equal(5, snapshot.Projects.Count);
        Assert.Equal(5, snapshot.Channels.Count);
        Assert.Equal(5, snapshot.Runbooks.Count);
        Assert.Equal(2, snapshot.LibraryVariableSets.Count);
        Assert.All(snapshot.Projects, p => Assert.Equal(3, snapshot.DeploymentProcesses[p.Str("DeploymentProcessId")!].Arr("Steps").Count));
        Assert.All(snapshot.Runbooks, r => Assert.Single(snapshot.RunbookProcesses[r.Str("RunbookProcessId")!].Arr("Steps")));
        Assert.All(snapshot.Projects, p => Assert.Equal(20, snapshot.VariableSets[p.Str("VariableSetId")!].Arr("Variables").Count));
        Assert.All(snapshot.LibraryVariableSets, l => Assert.Equal(5, snapshot.VariableSets[l.Str("VariableSetId")!].Arr("Variables").Count));
        Assert.Equal(7, snapshot.VariableSets.Count);
        Assert.NotEmpty(snapshot.Lifecycles);
        Assert.NotEmpty(snapshot.ProjectGroups);
        Assert.NotEmpty(snapshot.MachinePolicies);
        Assert.Contains(snapshot.Feeds, f => f.Str("FeedType") == "BuiltIn");
        Assert.Contains(snapshot.WorkerPools, w => w.Name() == "Static pool");
        Assert.Equal(["Region"], snapshot.TagSets.Select(t => t.Name()));
        Assert.Equal(["Acme"], snapshot.Tenants.Select(t => t.Name()));
        Assert.Equal(["Deploy user"], snapshot.Accounts.Select(a => a.Name()));
        Assert.Equal(["Notify"], snapshot.ActionTemplates.Select(a => a.Name()));
        Assert.Contains(snapshot.Teams, t => t.Id() == "teams-everyone");
        Assert.Contains(snapshot.Teams, t => t.Str("SpaceId") == "Spaces-1");
    }

    [Fact]
    public async Task Documents_are_kept_whole()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await SyntheticSpace.SeedAsync(client, new SyntheticSpaceShape(1));

        var snapshot = await SnapshotReader.ReadAsync(client);

        var project = Assert.Single(snapshot.Projects);
        var direct = await client.GetAsync($"projects/{project.Id()}");
        Assert.True(JsonNode.DeepEquals(direct, project), "the snapshot's project differs from GET projects/{id}");
        Assert.NotNull(project.Obj("Links")?.Str("Self"));
    }

    [Fact]
    public async Task Progress_reports_every_step_once()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await SyntheticSpace.SeedAsync(client, new SyntheticSpaceShape(2));
        var reports = new List<ReadProgress>();

        await SnapshotReader.ReadAsync(client, new SynchronousProgress(reports.Add));

        Assert.Equal(SnapshotCollections.All.Count + 3, reports.Count);
        Assert.All(reports, r => Assert.Equal(reports.Count, r.Total));
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Done).Order());
        Assert.Contains(reports, r => r.Step == "deployment processes");
        Assert.Contains(reports, r => r.Step == "variable sets");
        Assert.Contains(reports, r => r.Step == "teams");
        Assert.Equal(reports.Count, reports.Select(r => r.Step).Distinct().Count());
    }

    [Fact]
    public async Task Cancelling_stops_the_read()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { LatencyMs = 200 });
        using var client = await Emulated.ConnectAsync(server);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SnapshotReader.ReadAsync(client, ct: cancellation.Token));
    }

    /// <summary>One of each resource the seeder does not make, so that every list of the snapshot is checked.</summary>
    private static async Task AddOneOfEachAsync(IOctopusSpaceClient client)
    {
        await client.CreateAsync("tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        await client.CreateAsync("tenants", new JsonObject { ["Name"] = "Acme", ["TenantTags"] = new JsonArray("Region/EU") });
        await client.CreateAsync("accounts", new JsonObject
        {
            ["Name"] = "Deploy user",
            ["AccountType"] = "UsernamePassword",
            ["Username"] = "deploy",
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "pa55" },
        });
        await client.CreateAsync("actiontemplates", new JsonObject
        {
            ["Name"] = "Notify",
            ["ActionType"] = "Octopus.Script",
            ["Properties"] = new JsonObject { ["Octopus.Action.Script.ScriptBody"] = "echo hi" },
        });
        await client.CreateAsync("workerpools", new JsonObject { ["Name"] = "Static pool", ["WorkerPoolType"] = "StaticWorkerPool" });
        await client.CreateAsync("/api/teams", new JsonObject { ["Name"] = "Deployers", ["SpaceId"] = client.SpaceId });
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests want every report before the read returns.</summary>
    private sealed class SynchronousProgress(Action<ReadProgress> report) : IProgress<ReadProgress>
    {
        private readonly Lock gate = new();

        public void Report(ReadProgress value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
