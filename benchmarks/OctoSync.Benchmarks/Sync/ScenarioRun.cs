using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The hidden verb <c>sync-scenario --config FILE --scenario NAME [--plan-repeats N]</c>: one scenario of the sync
/// benchmark in a fresh process, as one nightly <c>octosync apply</c> is — connect, read, plan, render the text plan,
/// apply, save state — then one JSON line (<see cref="ScenarioResult"/>) on stdout. The API keys come from the
/// environment the configuration names. Stdin is the parent's lifeline: when it closes the process stops.
/// </summary>
internal static class ScenarioRun
{
    public const string Verb = "sync-scenario";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Usage = "usage: OctoSync.Benchmarks sync-scenario --config FILE --scenario NAME [--plan-repeats N] (started by `sync`)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? config = null, scenario = null;
        var repeats = 0;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
                switch (args[i])
                {
                    case "--config": config = Value(); break;
                    case "--scenario": scenario = Value(); break;
                    case "--plan-repeats": repeats = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
                }
            }

            if (config is null || scenario is null)
            {
                throw new ArgumentException(Usage);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{Verb}: {ex.Message}");
            return 2;
        }

        WatchParent();
        try
        {
            var configuration = ConfigurationLoader.Load(config);
            var phases = new PhaseTimes();
            var result = await MeasureAsync(configuration, phases);
            if (repeats > 0 && phases.LastInput is { } input)
            {
                result = result with { PlanRepeats = PlanningRepeats.Run(input, repeats) };
            }

            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{Verb} '{scenario}' failed: {ex}");
            return 1;
        }
    }

    private static async Task<ScenarioResult> MeasureAsync(SyncConfiguration configuration, PhaseTimes phases)
    {
        var runner = new SyncRunner(phases.Wrap(DefaultServices.Sync()));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        DestinationPlan planned;
        string outcome;
        double sampledMiB;
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
            sampledMiB = memory.PeakMiB;
        }

        var highWater = PeakMemory.HighWaterMarkMiB();
        const double MiB = 1024.0 * 1024.0;
        return new ScenarioResult
        {
            Outcome = outcome,
            ReadFloor = RequestFloor.Read(planned.Source) + RequestFloor.Read(planned.Destination),
            WriteFloor = RequestFloor.Write(planned.Plan),
            Connect = phases.Span("connect").TotalSeconds,
            Read = phases.Span("read").TotalSeconds,
            Plan = phases.Plan.TotalSeconds,
            PlanCpu = phases.PlanCpu.TotalSeconds,
            Render = phases.Render.TotalSeconds,
            Apply = phases.Apply.TotalSeconds,
            Wall = wall.Elapsed.TotalSeconds,
            Cpu = cpu.TotalSeconds,
            ProcessCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            PeakMiB = highWater ?? sampledMiB,
            PeakSource = highWater is null ? "sampled" : "VmHWM",
            PeakAfterReadMiB = phases.PeakAfterRead,
            PeakBeforePlanMiB = phases.PeakBeforePlan,
            PeakAfterPlanMiB = phases.PeakAfterPlan,
            GcHeapMiB = GC.GetTotalMemory(forceFullCollection: false) / MiB,
            GcCommittedMiB = GC.GetGCMemoryInfo().TotalCommittedBytes / MiB,
        };
    }

    /// <summary>Stops this process when the parent goes away (its end of stdin closes), even if it was killed.</summary>
    private static void WatchParent()
    {
        var thread = new Thread(() =>
        {
            var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (stdin.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Console.Error.WriteLine($"{Verb}: the benchmark that started this process went away (stdin closed); stopping.");
            Environment.Exit(3);
        })
        {
            IsBackground = true,
            Name = "parent watch",
        };
        thread.Start();
    }
}
