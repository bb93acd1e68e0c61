using OctoSync.Engine.Api;
using OctoSync.Engine.Applying.Internal;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying;

/// <summary>
/// Executes a <see cref="Plan"/> against its destination, in the order of <see cref="Plan.Changes"/>, and decides
/// nothing the plan did not say: Create → POST <see cref="Change.After"/>, Update → PUT it to
/// <see cref="Change.DestinationId"/>, Delete → DELETE; None, Skip and Leave write nothing.
/// <see cref="ReferenceToken"/>s are replaced with the ids learned from earlier creates. A failed change is reported
/// and the rest continue; changes that need an id the failure would have produced are skipped.
/// </summary>
public static class PlanApplier
{
    public static async Task<ApplyResult> ApplyAsync(
        Plan plan,
        IOctopusSpaceClient destination,
        IProgress<ApplyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var ids = new IdRegistry();
        var writer = new ChangeWriter(destination, ids);
        var outcomes = new List<ChangeOutcome>(plan.Changes.Count);
        var updates = new List<StateUpdate>();
        var total = plan.Changes.Count(c => c.Writes);
        var done = 0;

        foreach (var change in plan.Changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!change.Writes)
            {
                outcomes.Add(new ChangeOutcome(change, ApplyOutcome.NothingToDo, DestinationId: change.DestinationId));
                updates.AddRange(change.StateUpdates);
                continue;
            }

            var outcome = await writer.WriteAsync(change, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            if (outcome.Outcome == ApplyOutcome.Applied)
            {
                updates.AddRange(StateUpdates.Resolve(change, outcome.DestinationId, ids));
            }
            else
            {
                ids.MarkFailed(change.Kind, change.Key);
            }

            progress?.Report(new ApplyProgress(++done, total, change, outcome.Outcome));
        }

        return new ApplyResult(plan.Destination, outcomes, updates);
    }
}
