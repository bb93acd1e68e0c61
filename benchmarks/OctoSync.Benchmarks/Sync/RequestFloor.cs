using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;

namespace OctoSync.Benchmarks.Sync;

/// <summary>The fewest requests the same data needs (docs/performance.md, "The columns"): to read both sides, and to write the plan.</summary>
internal static class RequestFloor
{
    private const int IdsPerBatch = 50;

    /// <summary>
    /// The fewest requests that read one space: <c>/api</c> and <c>/api/spaces/all</c> to connect, one <c>/all</c>
    /// per collection, and <c>ids=</c> batches of 50 for deployment processes, runbook processes and variable sets.
    /// </summary>
    public static int Read(SpaceSnapshot snapshot) =>
        2 + SnapshotCollections.All.Count
        + Batches(snapshot.DeploymentProcesses.Count) + Batches(snapshot.RunbookProcesses.Count) + Batches(snapshot.VariableSets.Count);

    /// <summary>One request per object the plan changes (distinct kind + key).</summary>
    public static int Write(Plan plan) => plan.Changes.Where(c => c.Writes).Select(c => (c.Kind, c.Key)).Distinct().Count();

    private static int Batches(int count) => (count + IdsPerBatch - 1) / IdsPerBatch;
}
