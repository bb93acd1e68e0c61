using System.Diagnostics;
using System.Globalization;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The sync benchmark of issue #10 (docs/performance.md): per size, a source emulator filled with a synthetic space
/// and an empty destination (same environment names), each in a child process; then (a) first sync, (b) unchanged
/// re-sync, (c) re-sync after one variable and one step change in the source, each a whole run as `octosync apply`
/// does it: connect, read, plan, render the text plan, apply, save state.
/// </summary>
internal static class SyncBenchmark
{
    private const int IdsPerBatch = 50;
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
        foreach (var size in settings.Sizes)
        {
            rows.AddRange(await RunSizeAsync(SpaceShape.Of(size), settings));
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
            var phases = new PhaseTimes();
            rows.Add(await RunScenarioAsync(shape, "1 variable + 1 step changed", configuration, source, destination, phases));
            if (settings.PlanRepeats > 0 && phases.LastInput is { } input)
            {
                RepeatPlanning(input, settings.PlanRepeats);
            }

            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static SyncConfiguration Configure(string folder, EmulatorHost source, EmulatorHost destination, int pace)
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
        return ConfigurationLoader.Load(path);
    }

    /// <summary>Plans the same input again and again: what a profiler should look at when planning is the question.</summary>
    private static void RepeatPlanning(PlanningInput input, int repeats)
    {
        // What the input (both snapshots and the state) keeps alive: the floor under the working set while planning.
        var liveMiB = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var watch = Stopwatch.StartNew();
        var changes = 0;
        for (var i = 0; i < repeats; i++)
        {
            changes += SyncPlanner.Plan(input).Changes.Count;
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // Allocation per plan is the steadiest figure on a shared machine; the GC's pauses are what it costs.
        var perPlanMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0) / repeats;
        Console.WriteLine(string.Create(Culture,
            $"planned {repeats} more times: input live {liveMiB:0} MiB after a full collection; {watch.Elapsed.TotalMilliseconds / repeats:0} ms wall, {cpu.TotalMilliseconds / repeats:0} ms CPU per plan ({changes / repeats} changes); "
            + $"{perPlanMiB:0} MiB allocated and {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / repeats:0} ms in GC pauses per plan; "
            + $"collections gen0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}"));
    }

    private static async Task<string> RunScenarioAsync(
        SpaceShape shape, string scenario, SyncConfiguration configuration, EmulatorHost source, EmulatorHost destination, PhaseTimes? phases = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        phases ??= new PhaseTimes();
        var runner = new SyncRunner(phases.Wrap(DefaultServices.Sync()));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        DestinationPlan planned;
        string outcome;
        await using (var memory = new MemorySampler())
        {
            planned = (await runner.PlanAsync(configuration)).Single();
            var render = Stopwatch.StartNew();
            var text = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(text),
            });
            console.Profile.Width = 160;
            PlanRenderer.Render(console, new ErrorConsole(console), planned);
            phases.Render = render.Elapsed;
            var apply = Stopwatch.StartNew();
            try
            {
                var result = await runner.ApplyAsync(configuration, planned);
                outcome = $"{PlanSummary.Of(planned.Plan)}; applied: {string.Join(", ", result.Final.Outcomes.GroupBy(o => o.Outcome).Select(g => $"{g.Count()} {g.Key}"))}";
            }
            catch (SyncException ex)
            {
                outcome = $"{PlanSummary.Of(planned.Plan)}; not applied: {ex.Message}";
            }

            phases.Apply = apply.Elapsed;
            (planned.Client as IDisposable)?.Dispose();
            wall.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var sourceCounts = await source.TakeCountsAsync();
            var destinationCounts = await destination.TakeCountsAsync();
            int Of(Dictionary<string, int> counts, string key) => counts.GetValueOrDefault(key);
            var writes = Of(destinationCounts, "POST") + Of(destinationCounts, "PUT") + Of(destinationCounts, "DELETE");
            var requests = sourceCounts.Concat(destinationCounts).Where(c => c.Key != "429").Sum(c => c.Value);
            var readFloor = ReadFloor(planned.Source) + ReadFloor(planned.Destination);
            var writeFloor = planned.Plan.Changes.Where(c => c.Writes).Select(c => (c.Kind, c.Key)).Distinct().Count();
            var floor = readFloor + writeFloor;
            Console.WriteLine($"{scenario}: {outcome}");
            return string.Create(Culture,
                $"| {shape.Size} | {scenario} | {Of(sourceCounts, "GET")} | {Of(destinationCounts, "GET")} | {Of(destinationCounts, "POST")} | {Of(destinationCounts, "PUT")} | {Of(destinationCounts, "DELETE")} "
                + $"| {Of(sourceCounts, "429") + Of(destinationCounts, "429")} | {writes} | {floor} = {readFloor}+{writeFloor} | {(double)requests / floor:0.00} "
                + $"| {wall.Elapsed.TotalSeconds:0.0} | {cpu.TotalSeconds:0.0} | {memory.PeakMiB:0} "
                + $"| {phases.Span("connect").TotalSeconds:0.00} | {phases.Span("read").TotalSeconds:0.00} | {phases.Plan.TotalSeconds:0.00} ({phases.PlanCpu.TotalSeconds:0.00}) "
                + $"| {phases.Render.TotalSeconds:0.00} | {phases.Apply.TotalSeconds:0.00} |");
        }
    }

    /// <summary>
    /// The fewest requests that read one space: <c>/api</c> and <c>/api/spaces/all</c> to connect, one <c>/all</c>
    /// per collection, and <c>ids=</c> batches of 50 for deployment processes, runbook processes and variable sets.
    /// </summary>
    private static int ReadFloor(SpaceSnapshot snapshot) =>
        2 + SnapshotCollections.All.Count
        + Batches(snapshot.DeploymentProcesses.Count) + Batches(snapshot.RunbookProcesses.Count) + Batches(snapshot.VariableSets.Count);

    private static int Batches(int count) => (count + IdsPerBatch - 1) / IdsPerBatch;

    private static string Limit(int perMinute) => perMinute > 0 ? $"{perMinute}/min" : "off";
}
