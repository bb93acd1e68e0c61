using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying;

/// <summary>
/// The outcome of applying one plan: one <see cref="ChangeOutcome"/> per change, in plan order, and the state
/// updates of the changes that were applied or had nothing to do, in plan order — the caller saves them at once
/// (<see cref="SyncState.With"/>) so that a rerun converges even after a partial failure or an interruption.
/// </summary>
public sealed record ApplyResult(string Destination, IReadOnlyList<ChangeOutcome> Outcomes, IReadOnlyList<StateUpdate> StateUpdates)
{
    public int Count(ApplyOutcome outcome) => Outcomes.Count(o => o.Outcome == outcome);

    public bool HasFailures => Outcomes.Any(o => o.Outcome is ApplyOutcome.Failed or ApplyOutcome.SkippedBecauseDependencyFailed);

    public bool HasConflicts => Outcomes.Any(o => o.Outcome == ApplyOutcome.Conflict);

    /// <summary>Ctrl+C or SIGTERM stopped the apply before every change started.</summary>
    public bool Interrupted => Outcomes.Any(o => o.Outcome == ApplyOutcome.NotStarted);

    /// <summary>Changes that wrote something.</summary>
    public int Written => Count(ApplyOutcome.Applied);

    /// <summary>Changes of the plan that write (the n of "k of n").</summary>
    public int WritingChanges => Outcomes.Count(o => o.Change.Writes);
}
