using System.Diagnostics;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Sync;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// Wall time per phase of one run, taken by wrapping the run's <see cref="SyncServices"/>. Connect and read run
/// concurrently for the source and the destination: their phase is first start to last end. Planning is also
/// measured in process CPU time (nothing else runs while the pure planner does).
/// </summary>
internal sealed class PhaseTimes
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Start, long End)> spans = [];

    /// <summary>The input of the last plan, for <c>--plan-repeats</c>.</summary>
    public PlanningInput? LastInput { get; private set; }

    public TimeSpan Plan { get; private set; }
    public TimeSpan PlanCpu { get; private set; }
    public TimeSpan Render { get; set; }

    /// <summary>The process's high-water mark (MiB) when both reads had ended, when planning started (the state loaded)
    /// and when it ended: which phase set the peak.</summary>
    public double? PeakAfterRead { get; private set; }
    public double? PeakBeforePlan { get; private set; }
    public double? PeakAfterPlan { get; private set; }
    public TimeSpan Apply { get; set; }

    public TimeSpan Span(string phase)
    {
        lock (gate)
        {
            return spans.TryGetValue(phase, out var s) ? Stopwatch.GetElapsedTime(s.Start, s.End) : TimeSpan.Zero;
        }
    }

    public SyncServices Wrap(SyncServices inner) => inner with
    {
        Connect = async (connection, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            var client = await inner.Connect(connection, ct);
            Record("connect", start);
            return client;
        },
        Read = async (client, progress, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            var snapshot = await inner.Read(client, progress, ct);
            Record("read", start);
            // The source and the destination end their reads on different threads: the later mark is kept.
            var peak = PeakMemory.HighWaterMarkMiB();
            lock (gate)
            {
                PeakAfterRead = PeakAfterRead is { } earlier && peak is { } now ? Math.Max(earlier, now) : peak ?? PeakAfterRead;
            }

            return snapshot;
        },
        Plan = input =>
        {
            PeakBeforePlan ??= PeakMemory.HighWaterMarkMiB();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var plan = inner.Plan(input);
            LastInput = input;
            Plan += Stopwatch.GetElapsedTime(start);
            PlanCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            PeakAfterPlan = PeakMemory.HighWaterMarkMiB();
            return plan;
        },
    };

    private void Record(string phase, long start)
    {
        var end = Stopwatch.GetTimestamp();
        lock (gate)
        {
            spans[phase] = spans.TryGetValue(phase, out var s) ? (Math.Min(s.Start, start), Math.Max(s.End, end)) : (start, end);
        }
    }
}
