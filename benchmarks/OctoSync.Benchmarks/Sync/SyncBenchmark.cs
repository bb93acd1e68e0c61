using System.Diagnostics;
using System.Globalization;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The sync benchmark of issue #10 (docs/performance.md): per size, a source emulator filled with a synthetic space
/// and an empty destination (same environment names), each in a child process; then (a) first sync, (b) unchanged
/// re-sync, (c) re-sync after one variable and one step change in the source, each a whole run as `octosync apply`
/// does it: connect, read, plan, render the text plan, apply, save state — each in a fresh child process of its own
/// (<see cref="ScenarioProcess"/>), as a nightly run is, so no scenario inherits another's heap.
/// </summary>
internal static class SyncBenchmark
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        SyncBenchmarkArgs settings;
        try
        {
            settings = SyncBenchmarkArgs.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        Console.WriteLine(string.Create(Culture,
            $"sync benchmark: latency {settings.LatencyMs} ms, server rate limit {Limit(settings.RateLimitPerMinute)}, client pace (requestsPerMinute) {Limit(settings.PacePerMinute)}, {Environment.ProcessorCount} cores"));
        var rows = new List<string>();
        try
        {
            foreach (var size in settings.Sizes)
            {
                rows.AddRange(await RunSizeAsync(SpaceShape.Of(size), settings));
            }
        }
        catch (ScenarioFailedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine(string.Concat(Enumerable.Repeat("| --- ", Header.Count(c => c == '|') - 1)) + "|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private const string Header =
        "| size | scenario | source GET | dest GET | POST | PUT | DELETE | 429 | writes | floor read+write | ratio | wall s | CPU s | peak MiB | connect | read | plan (CPU) | render | apply |";

    private static async Task<List<string>> RunSizeAsync(SpaceShape shape, SyncBenchmarkArgs settings)
    {
        Console.WriteLine($"\n== {shape}");
        await using var source = await EmulatorHost.StartAsync(settings.LatencyMs);
        await using var destination = await EmulatorHost.StartAsync(settings.LatencyMs);
        var folder = Directory.CreateTempSubdirectory("octosync-benchmark-");
        try
        {
            var seedWatch = Stopwatch.StartNew();
            var wide = new OctopusClientOptions { MaxConcurrentRequests = 16 };
            using (var seeder = (OctopusSpaceClient)await OctopusClient.ConnectAsync(new OctopusConnection(source.BaseUrl, source.ApiKey, null), wide))
            using (var other = (OctopusSpaceClient)await OctopusClient.ConnectAsync(new OctopusConnection(destination.BaseUrl, destination.ApiKey, null), wide))
            {
                await SpaceSeeder.SeedAsync(seeder, shape);
                await SpaceSeeder.SeedEnvironmentsAsync(other, shape, default);
            }

            var seeded = await source.TakeCountsAsync();
            await destination.TakeCountsAsync();
            Console.WriteLine(string.Create(Culture, $"seeded in {seedWatch.Elapsed.TotalSeconds:0.0} s with {seeded.Where(c => c.Key != "429").Sum(c => c.Value)} requests"));

            await source.SetRateLimitAsync(settings.RateLimitPerMinute);
            await destination.SetRateLimitAsync(settings.RateLimitPerMinute);
            var configuration = Configure(folder.FullName, source, destination, settings.PacePerMinute);
            var rows = new List<string>
            {
                await RunScenarioAsync(shape, "first sync", configuration, source, destination),
                await RunScenarioAsync(shape, "unchanged re-sync", configuration, source, destination),
            };

            using (var editor = (OctopusSpaceClient)await OctopusClient.ConnectAsync(new OctopusConnection(source.BaseUrl, source.ApiKey, null)))
            {
                var project = (await editor.GetAllAsync("projects")).First(p => p.Name() == "Project 001");
                await SpaceSeeder.ChangeOneVariableAsync(editor, project.Str("VariableSetId")!, default);
                await SpaceSeeder.ChangeOneStepAsync(editor, project.Str("DeploymentProcessId")!, default);
            }

            await source.TakeCountsAsync();
            rows.Add(await RunScenarioAsync(shape, "1 variable + 1 step changed", configuration, source, destination, settings.PlanRepeats));
            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Configure(string folder, EmulatorHost source, EmulatorHost destination, int pace)
    {
        Environment.SetEnvironmentVariable("OCTOSYNC_BENCHMARK_SOURCE_KEY", source.ApiKey);
        Environment.SetEnvironmentVariable("OCTOSYNC_BENCHMARK_DESTINATION_KEY", destination.ApiKey);
        var paced = pace > 0 ? $"\n    requestsPerMinute: {pace.ToString(Culture)}" : "";
        var path = Path.Combine(folder, "octosync.yaml");
        File.WriteAllText(path, $"""
            source:
              url: {source.BaseUrl}
              apiKey: ${"{"}OCTOSYNC_BENCHMARK_SOURCE_KEY{"}"}{paced.Replace("\n    ", "\n  ", StringComparison.Ordinal)}
            destinations:
              - name: benchmark
                url: {destination.BaseUrl}
                apiKey: ${"{"}OCTOSYNC_BENCHMARK_DESTINATION_KEY{"}"}{paced}
            state:
              path: state
            """);
        // Loaded here too, so that a configuration the child could not load fails before any scenario starts.
        _ = ConfigurationLoader.Load(path);
        return path;
    }

    private static async Task<string> RunScenarioAsync(
        SpaceShape shape, string scenario, string configuration, EmulatorHost source, EmulatorHost destination, int planRepeats = 0)
    {
        var run = await ScenarioProcess.RunAsync(configuration, scenario, planRepeats);
        var sourceCounts = await source.TakeCountsAsync();
        var destinationCounts = await destination.TakeCountsAsync();
        int Of(Dictionary<string, int> counts, string key) => counts.GetValueOrDefault(key);
        var writes = Of(destinationCounts, "POST") + Of(destinationCounts, "PUT") + Of(destinationCounts, "DELETE");
        var requests = sourceCounts.Concat(destinationCounts).Where(c => c.Key != "429").Sum(c => c.Value);
        var floor = run.ReadFloor + run.WriteFloor;
        Console.WriteLine($"{scenario}: {run.Outcome}");
        Console.WriteLine(string.Create(Culture,
            $"  its process: peak {run.PeakMiB:0} MiB ({run.PeakSource}{PeakByPhase(run)}); at the end GC heap {run.GcHeapMiB:0} MiB, GC committed {run.GcCommittedMiB:0} MiB; {run.ProcessCpu:0.0} s CPU from process start"));
        if (run.PlanRepeats is { } repeated)
        {
            Console.WriteLine(repeated);
        }

        return string.Create(Culture,
            $"| {shape.Size} | {scenario} | {Of(sourceCounts, "GET")} | {Of(destinationCounts, "GET")} | {Of(destinationCounts, "POST")} | {Of(destinationCounts, "PUT")} | {Of(destinationCounts, "DELETE")} "
            + $"| {Of(sourceCounts, "429") + Of(destinationCounts, "429")} | {writes} | {floor} = {run.ReadFloor}+{run.WriteFloor} | {(double)requests / floor:0.00} "
            + $"| {run.Wall:0.0} | {run.Cpu:0.0} | {run.PeakMiB:0} "
            + $"| {run.Connect:0.00} | {run.Read:0.00} | {run.Plan:0.00} ({run.PlanCpu:0.00}) "
            + $"| {run.Render:0.00} | {run.Apply:0.00} |");
    }

    /// <summary>"; 170 after reading, 180 before planning, 240 after": the high-water mark at the phase ends, so the phase
    /// that set the peak shows (between reading and planning the state is loaded).</summary>
    private static string PeakByPhase(ScenarioResult run) =>
        run is { PeakAfterReadMiB: { } read, PeakBeforePlanMiB: { } before, PeakAfterPlanMiB: { } after }
            ? string.Create(Culture, $"; {read:0} after reading, {before:0} before planning, {after:0} after")
            : "";

    private static string Limit(int perMinute) => perMinute > 0 ? $"{perMinute}/min" : "off";
}
