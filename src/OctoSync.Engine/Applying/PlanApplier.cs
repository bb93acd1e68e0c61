using OctoSync.Engine.Api;
using OctoSync.Engine.Applying.Internal;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying;

/// <summary>
/// Executes a <see cref="Plan"/> against its destination and decides nothing the plan did not say: Create → POST
/// <see cref="Change.After"/>, Update → PUT it to <see cref="Change.DestinationId"/> with the <c>Version</c> read
/// when planning, Delete → DELETE; None, Skip and Leave write nothing. <see cref="ReferenceToken"/>s are replaced
/// with the ids learned from earlier creates. A failed change is reported and the rest continue; changes that need
/// an id the failure would have produced are skipped.
/// Changes are written in dependency order with bounded parallelism (<see cref="ApplyWaves"/>: independent projects
/// at once, a project's own changes in order); outcomes and state updates are always reported in plan order.
/// </summary>
public static class PlanApplier
{
    public static async Task<ApplyResult> ApplyAsync(
        Plan plan,
        IOctopusSpaceClient destination,
        IProgress<ApplyProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        await ApplyAsync(plan, destination, new ApplyOptions(), progress, cancellationToken).ConfigureAwait(false);

    /// <param name="cancellationToken">The hard stop: abandons requests in flight (a test's timeout). Ctrl+C and
    /// SIGTERM use <see cref="ApplyOptions.Stop"/>, which lets writes in flight finish.</param>
    public static async Task<ApplyResult> ApplyAsync(
        Plan plan,
        IOctopusSpaceClient destination,
        ApplyOptions options,
        IProgress<ApplyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        var ids = new IdRegistry();
        var writer = new ChangeWriter(destination, ids);
        var changes = plan.Changes;
        var outcomes = new ChangeOutcome?[changes.Count];
        var updates = new IReadOnlyList<StateUpdate>?[changes.Count];
        var total = changes.Count(c => c.Writes);
        var done = 0;
        var gate = new Lock();

        async Task RunGroupAsync(List<int> group)
        {
            foreach (var index in group)
            {
                var change = changes[index];
                if (!change.Writes)
                {
                    outcomes[index] = new ChangeOutcome(change, ApplyOutcome.NothingToDo, DestinationId: change.DestinationId);
                    updates[index] = change.StateUpdates;
                    continue;
                }

                if (options.Stop.IsCancellationRequested)
                {
                    return;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await writer.WriteAsync(change, cancellationToken).ConfigureAwait(false);
                outcomes[index] = outcome;
                lock (gate)
                {
                    if (outcome.Outcome == ApplyOutcome.Applied)
                    {
                        var resolved = StateUpdates.Resolve(change, outcome.DestinationId, ids).ToList();
                        updates[index] = resolved;
                        // Durable before this writer starts its next write (issue #7: interruption-safe state).
                        options.Recorded?.Invoke(resolved);
                    }
                    else
                    {
                        ids.MarkFailed(change.Kind, change.Key);
                    }

                    progress?.Report(new ApplyProgress(++done, total, change, outcome.Outcome));
                }
            }
        }

        using var slots = new SemaphoreSlim(options.Parallelism);
        foreach (var wave in ApplyWaves.Of(changes))
        {
            if (options.Stop.IsCancellationRequested)
            {
                break;
            }

            if (wave.Count == 1 || options.Parallelism == 1)
            {
                foreach (var group in wave)
                {
                    await RunGroupAsync(group).ConfigureAwait(false);
                }

                continue;
            }

            await Task.WhenAll(wave.Select(async group =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await RunGroupAsync(group).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            })).ConfigureAwait(false);
        }

        var result = new ChangeOutcome[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            result[i] = outcomes[i] ?? (changes[i].Writes
                ? new ChangeOutcome(changes[i], ApplyOutcome.NotStarted, "interrupted before this change started", changes[i].DestinationId)
                : new ChangeOutcome(changes[i], ApplyOutcome.NothingToDo, DestinationId: changes[i].DestinationId));
        }

        // Nothing-to-do changes after the interruption point still record what they saw: they wrote nothing, and the
        // plan's view of them is as true as before.
        for (var i = 0; i < changes.Count; i++)
        {
            if (!changes[i].Writes)
            {
                updates[i] ??= changes[i].StateUpdates;
            }
        }

        return new ApplyResult(plan.Destination, result, updates.SelectMany(u => u ?? []).ToList());
    }
}
