using OctoSync.Engine.Api;
using OctoSync.Engine.Applying.Internal;
using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying.SavedPlans;

/// <summary>
/// Before <c>apply FILE</c> writes anything: is the saved plan still the plan? It is stale when the destination's
/// state moved since (another apply ran: its serial changed), or a document the plan changes was edited or deleted on
/// the destination since it was read (its fingerprint differs). The documents are read in <c>ids=</c> batches, one
/// run per kind — the only reads of an apply from a file.
/// </summary>
public static class StalePlanCheck
{
    /// <summary>Why the plan is stale, one line per reason; empty when it is current.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(SavedDestinationPlan saved, SyncState state, IOctopusSpaceClient client, CancellationToken ct)
    {
        var reasons = new List<string>();
        if (state.Serial != saved.StateSerial)
        {
            reasons.Add($"the state of {saved.Destination} moved since the plan (serial {saved.StateSerial} → {state.Serial}: another apply ran)");
        }

        foreach (var kind in saved.Documents.GroupBy(d => d.Kind))
        {
            var collection = kind.Key == ResourceKind.VariableSet ? "variables/all" : ResourcePaths.Collection(kind.Key);
            var current = (await client.GetByIdsAsync(collection, kind.Select(d => d.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct).ConfigureAwait(false))
                .Where(d => d.Str("Id") is not null)
                .ToDictionary(d => d.Id(), StringComparer.OrdinalIgnoreCase);
            foreach (var document in kind)
            {
                if (!current.TryGetValue(document.Id, out var now))
                {
                    reasons.Add($"{document.Kind} {document.Key} ({document.Id}) was deleted on the destination since the plan");
                }
                else if (Fingerprint.Of(now) != document.Fingerprint)
                {
                    reasons.Add($"{document.Kind} {document.Key} ({document.Id}) changed on the destination since the plan");
                }
            }
        }

        return reasons;
    }
}
