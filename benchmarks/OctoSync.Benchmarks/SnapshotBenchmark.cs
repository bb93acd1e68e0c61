// Snapshot benchmark: how many requests, how long and how much memory reading a space of N projects takes,
// against an emulated server with latency (and optionally a rate limit or faults). Prints figures; asserts nothing.
using System.Diagnostics;
using System.Globalization;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;
using OctoSync.IntegrationTests.Snapshot;

namespace OctoSync.Benchmarks;

internal static class SnapshotBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        SnapshotBenchmarkArgs settings;
        try
        {
            settings = SnapshotBenchmarkArgs.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        var culture = CultureInfo.InvariantCulture;
        var shape = new SyntheticSpaceShape(settings.Projects);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            LatencyMs = settings.LatencyMs,
            RateLimitPerMinute = 0, // seeding is set-up, not the thing measured: the limit is switched on after it
            FaultRate = settings.FaultRate,
        });
        var connection = new OctopusConnection(server.BaseUrl, server.ApiKey, null);

        // Seeding goes through the API too (it pays the latency, not the rate limit); a wider client makes it quicker.
        var seedWatch = Stopwatch.StartNew();
        using (var seeder = (OctopusSpaceClient)await OctopusClient.ConnectAsync(connection, new OctopusClientOptions { MaxConcurrentRequests = 16 }))
        {
            await SyntheticSpace.SeedAsync(seeder, shape);
            Console.WriteLine(string.Create(culture,
                $"seeded      {settings.Projects} projects ({shape.StepsPerProcess} steps, {shape.VariablesPerProject} variables, {shape.RunbooksPerProject} runbook each) in {seedWatch.Elapsed.TotalSeconds:0.0} s, {seeder.RequestCount} requests"));
        }

        server.RateLimitPerMinute = settings.RateLimitPerMinute;
        GC.Collect();
        using var client = (OctopusSpaceClient)await OctopusClient.ConnectAsync(connection, new OctopusClientOptions { MaxConcurrentRequests = settings.Concurrency });
        var before = client.RequestCount;
        var watch = Stopwatch.StartNew();
        var snapshot = await SnapshotReader.ReadAsync(client);
        watch.Stop();

        var requests = client.RequestCount - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(culture, $"server      latency {settings.LatencyMs} ms, rate limit {(settings.RateLimitPerMinute > 0 ? settings.RateLimitPerMinute + "/min" : "none")}, fault rate {settings.FaultRate:0.##}, client concurrency {settings.Concurrency}"));
        Console.WriteLine(string.Create(culture, $"read        {snapshot.Projects.Count} projects, {snapshot.DeploymentProcesses.Count} deployment processes, {snapshot.RunbookProcesses.Count} runbook processes, {snapshot.VariableSets.Count} variable sets"));
        Console.WriteLine(string.Create(culture, $"requests    {requests} ({client.RetryCount} retries)"));
        Console.WriteLine(string.Create(culture, $"wall time   {watch.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(culture, $"req/project {(double)requests / Math.Max(1, settings.Projects):0.000}"));
        // Planning is pure: time it on the snapshot just read, against a fresh destination (a first sync: everything is
        // created) and against itself (a recurring sync where everything already matches).
        await using var fresh = await EmulatorServer.StartAsync();
        using var freshClient = (OctopusSpaceClient)await OctopusClient.ConnectAsync(new OctopusConnection(fresh.BaseUrl, fresh.ApiKey, null));
        var empty = await SnapshotReader.ReadAsync(freshClient);
        foreach (var (label, destination) in new[] { ("first sync", empty), ("in sync", snapshot) })
        {
            var planWatch = Stopwatch.StartNew();
            var plan = SyncPlanner.Plan(new PlanningInput { DestinationName = "benchmark", Source = snapshot, Destination = destination });
            planWatch.Stop();
            Console.WriteLine(string.Create(culture,
                $"plan        {label}: {planWatch.Elapsed.TotalMilliseconds:0} ms, {plan.Changes.Count} changes ({plan.Count(ChangeAction.Create)} create, {plan.Count(ChangeAction.Update)} update)"));
        }

        Console.WriteLine(string.Create(culture, $"peak memory {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB working set (whole process, emulator included)"));
        return 0;
    }
}
