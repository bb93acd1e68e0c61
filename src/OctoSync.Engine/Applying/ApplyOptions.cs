using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying;

/// <summary>How <see cref="PlanApplier"/> runs a plan.</summary>
public sealed record ApplyOptions
{
    /// <summary>
    /// The default of <c>--parallelism</c>: 4 projects written at once. A real Octopus Server takes a database
    /// transaction and a per-document lock for each write and Octopus 2026.3 limits a user to 200 requests a minute
    /// (docs/commands.md, apply): four writers keep a server with normal latency busy without queueing behind its
    /// own locks, and more would only reach the rate limit sooner.
    /// </summary>
    public const int DefaultParallelism = 4;

    /// <summary>At most this many projects (independent owners) are written at once; 1 = strictly in plan order.</summary>
    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>
    /// Called once per write that succeeded, with its state updates (ids filled in), before the writer that made it
    /// starts its next write; calls never overlap. The caller makes them durable (the state journal).
    /// </summary>
    public Action<IReadOnlyList<StateUpdate>>? Recorded { get; init; }

    /// <summary>
    /// Ctrl+C or SIGTERM: once cancelled no new write starts; writes in flight finish (they get the hard token of
    /// <see cref="PlanApplier.ApplyAsync"/>, not this one) and the result says how far it got.
    /// </summary>
    public CancellationToken Stop { get; init; }
}
