using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying;

/// <summary>
/// The outcome of applying one plan: one <see cref="ChangeOutcome"/> per change, in plan order, and the state
/// updates of the changes that were applied or had nothing to do — the caller saves them at once
/// (<see cref="SyncState.With"/>) so that a rerun converges even after a partial failure.
/// </summary>
public sealed record ApplyResult(string Destination, IReadOnlyList<ChangeOutcome> Outcomes, IReadOnlyList<StateUpdate> StateUpdates)
{
    public int Count(ApplyOutcome outcome) => Outcomes.Count(o => o.Outcome == outcome);

    public bool HasFailures => Outcomes.Any(o => o.Outcome is ApplyOutcome.Failed or ApplyOutcome.SkippedBecauseDependencyFailed);

    public bool HasConflicts => Outcomes.Any(o => o.Outcome == ApplyOutcome.Conflict);

    /// <summary>Changes that wrote something.</summary>
    public int Written => Count(ApplyOutcome.Applied);
}
