using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.Planning.Variables.Internal;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables;

/// <summary>
/// Decides every value of one variable set (spec §5.5 and §6; docs/rules-variables.md). Pure: no I/O.
/// Steps: translate each source value (scope, references), apply <c>whenNoEnvironmentLeft</c>, then decide per
/// variable name against the state (base) and the destination, and rebuild the set to PUT.
/// </summary>
public static class VariableSetPlanner
{
    public static VariableSetPlan Plan(VariableSetPlanningContext context)
    {
        var desired = DesiredValueBuilder.Build(context);
        var destination = new DestinationVariables(context.Destination, context.Translator);
        var sourceIds = context.Source.Arr("Variables").Objects().Select(v => v.Str("Id")).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var decider = new VariableNameDecider(context, destination, new DeterministicId(destination.All.Select(e => e.Id)), sourceIds);
        var bases = BaseEntries(context);

        var details = new List<ChangeDetail>();
        var updates = new Dictionary<string, Internal.VariableValue>(StringComparer.OrdinalIgnoreCase);
        var creates = new List<(string, Internal.VariableValue, System.Text.Json.Nodes.JsonObject)>();
        var deletes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stateUpdates = new List<StateUpdate>();
        var cleanup = new List<CleanupItem>();
        var reaching = new List<Internal.VariableValue>();
        // Grouped once per set (issue #10): filtering every value for every name grew with the square of the set.
        var skippedByName = desired.Skipped.ToLookup(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var valuesByName = desired.Values.ToLookup(v => v.Value.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var name in Names(context, bases))
        {
            details.AddRange(skippedByName[name].Select(s => s.Detail));
            var entries = bases.TryGetValue(name, out var e) ? e.Entries : [];
            var outcome = decider.Decide(name, [.. valuesByName[name]], entries);
            details.AddRange(outcome.Details);
            foreach (var (id, value) in outcome.Updates)
            {
                updates[id] = value;
            }

            creates.AddRange(outcome.Creates);
            deletes.UnionWith(outcome.Deletes);
            cleanup.AddRange(outcome.Cleanup);
            reaching.AddRange(outcome.Reaching);
            if (outcome.State.Count > 0 || entries.Count > 0)
            {
                // A name whose entries come out as the state has them keeps the state's own list (issue #10: on an unchanged
                // re-sync the plan held a second copy of every variable entry, with its strings, until the state was saved).
                var values = outcome.State.Count == entries.Count && outcome.State.SequenceEqual(entries) ? entries : outcome.State;
                stateUpdates.Add(new StateUpdate.SetVariable($"{context.Key}/{(e.Name ?? name)}", values));
            }

            stateUpdates.AddRange(outcome.SecretState);
        }

        // Reasons are built from fragments; each reads as a sentence in the plan.
        details = [.. details.Select(d => d.Reason.Length == 0 ? d : d with { Reason = char.ToUpperInvariant(d.Reason[0]) + d.Reason[1..] })];
        var after = VariableSetDocument.Build(context, destination, updates, creates, deletes);
        var namesAfter = after.Arr("Variables").Objects().Select(v => v.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var diagnostics = desired.Diagnostics.Concat(VariableSetReport.MissingReferences(context, reaching, namesAfter)).ToList();
        var synced = desired.Values.Select(v => v.Value.Name).Concat(bases.Keys).Where(namesAfter.Contains)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var writes = updates.Count + creates.Count + deletes.Count > 0;
        var change = new Change
        {
            Kind = ResourceKind.VariableSet,
            Key = context.Key,
            Action = writes ? ChangeAction.Update
                : details.Any(d => d.Action == ChangeAction.Leave) ? ChangeAction.Leave : ChangeAction.None,
            Rule = details.FirstOrDefault(d => d.Action == ChangeAction.Leave && !writes)?.Rule ?? "default",
            Reason = VariableSetReport.Summary(details),
            DestinationId = context.DestinationId,
            Owner = context.OwnerName,
            Before = context.Destination,
            After = after,
            Details = details,
            StateUpdates = stateUpdates,
        };
        // A set that writes keeps its new document compressed; one that writes nothing holds none: its After is the set as
        // read, and the snapshot has it (issue #10).
        change = writes ? change.KeepsAfterCompact()
            : change.ReadsSnapshot(context.Translator.Destination.Snapshot.VariableSets, context.DestinationId, afterToo: true);

        return new VariableSetPlan(change, diagnostics, cleanup, synced);
    }

    /// <summary>
    /// The state entries of this set by variable name. A set that does not exist on the destination yet is new
    /// with its owner: nothing OctoSync wrote can be in it, so any old entries are not a base for it.
    /// </summary>
    private static Dictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)> BaseEntries(VariableSetPlanningContext context)
    {
        var result = new Dictionary<string, (string?, IReadOnlyList<VariableValueState>)>(StringComparer.OrdinalIgnoreCase);
        if (context.Destination is null || context.State is null)
        {
            return result;
        }

        foreach (var (name, entries) in StateIndex.Of(context.State).VariablesOf(context.Key))
        {
            result.TryAdd(name, (name, entries));
        }

        return result;
    }

    /// <summary>Variable names in the order of the source set, then names only the state remembers.</summary>
    private static IEnumerable<string> Names(VariableSetPlanningContext context, IReadOnlyDictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)> bases) =>
        context.Source.Arr("Variables").Objects().Select(v => v.Name())
            .Concat(bases.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
