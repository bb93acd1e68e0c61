using System.Diagnostics;
using System.Globalization;
using OctoSync.Engine.Planning;

namespace OctoSync.Benchmarks.Sync;

/// <summary><c>--plan-repeats</c>: plans the same input again and again, what a profiler should look at when planning is the question.</summary>
internal static class PlanningRepeats
{
    /// <summary>Plans <paramref name="input"/> <paramref name="repeats"/> more times and answers the line to print.</summary>
    public static string Run(PlanningInput input, int repeats)
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
        return string.Create(CultureInfo.InvariantCulture,
            $"planned {repeats} more times: input live {liveMiB:0} MiB after a full collection; {watch.Elapsed.TotalMilliseconds / repeats:0} ms wall, {cpu.TotalMilliseconds / repeats:0} ms CPU per plan ({changes / repeats} changes); "
            + $"{perPlanMiB:0} MiB allocated and {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / repeats:0} ms in GC pauses per plan; "
            + $"collections gen0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
    }
}
