using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Step 5, the three-way decision (spec §6) for every value of one variable name: base = what OctoSync wrote
/// (state), destination now, source now (the desired values). Values a person added on the destination are
/// never matched to a base entry, so they are kept and never count as drift.
/// </summary>
internal sealed partial class VariableNameDecider(
    VariableSetPlanningContext context, DestinationVariables destination, DeterministicId ids, IReadOnlySet<string> sourceIds)
{
    private VariableRules Rules => context.Rules.Variables;

    private Translator Translator => context.Translator;

    public NameOutcome Decide(string name, IReadOnlyList<DesiredValue> desired, IReadOnlyList<VariableValueState> entries)
    {
        var outcome = new NameOutcome();
        var edited = entries.Any(e => destination.Find(e.DestinationId) is { } d && d.Fingerprint != e.WrittenFingerprint);
        var deleted = entries.Any(e => destination.Find(e.DestinationId) is null);
        if ((edited || deleted) && Rules.Overwrite != OverwriteMode.Always)
        {
            // One edited value makes the whole name the person's: its values only make sense together.
            LeaveDrifted(name, desired, entries, edited, outcome);
            return outcome;
        }

        var fingerprints = desired.Select(d => PortableValue.Fingerprint(d.Value, Translator)).ToList();
        var scopeKeys = desired.Select(d => PortableValue.ScopeKey(d.Value.Scope, Translator)).ToList();
        var candidates = desired.Select((d, i) => new BaseMatcher.Candidate(
            d.SourceId, fingerprints[i], scopeKeys[i], PortableValue.PortableScope(d.Value.Scope, Translator), d.IsPlaceholder)).ToList();
        var matches = BaseMatcher.Match(candidates, entries, e => destination.Find(e.DestinationId)?.ScopeKey, sourceIds);
        var claimed = entries.Select(e => e.DestinationId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < desired.Count; i++)
        {
            if (matches[i] is { } entry)
            {
                DecideWritten(desired[i], fingerprints[i], entry, outcome);
            }
            else
            {
                DecideUnwritten(desired[i], fingerprints[i], scopeKeys[i], claimed, outcome);
            }
        }

        foreach (var entry in entries.Where(e => !matches.Contains(e)))
        {
            if (destination.Find(entry.DestinationId) is { } gone)
            {
                // Nothing is deleted unless a rule asks for it; the value becomes the destination's own.
                outcome.Details.Add(new ChangeDetail(Item(gone.Value), ChangeAction.Leave, VariableRuleText.Default,
                    "no longer synced from the source; left on the destination"));
            }
        }

        return outcome;
    }

    /// <summary>A value OctoSync wrote before: the §6 table decides.</summary>
    private void DecideWritten(DesiredValue value, string fingerprint, VariableValueState entry, NameOutcome outcome)
    {
        var current = destination.Find(entry.DestinationId);
        var side = current is null ? DestinationSide.Deleted
            : current.Fingerprint == entry.WrittenFingerprint ? DestinationSide.Unchanged : DestinationSide.Edited;
        var (action, drift) = VariableThreeWay.Cell(Rules.Overwrite, side, fingerprint != entry.WrittenFingerprint);
        if (action == ChangeAction.Update && current!.Fingerprint == fingerprint)
        {
            action = ChangeAction.None;
        }

        var overwrite = VariableRuleText.Overwrite(Rules.Overwrite);
        switch (action)
        {
            case ChangeAction.None:
                None(value, fingerprint, current!.Id, drift ? "changed on the destination to match the source" : "unchanged", outcome);
                break;
            case ChangeAction.Update when value.NewOnlyRule is { } newOnly:
                Leave(value, newOnly, "exists on the destination; new-only leaves existing values as they are", false, entry, outcome);
                break;
            case ChangeAction.Update:
                Update(value, fingerprint, current!, overwrite,
                    drift ? "changed on the destination since OctoSync wrote it; restored" : Because("changed on the source", value), drift, outcome);
                break;
            case ChangeAction.Create:
                Create(value, fingerprint, overwrite, "deleted on the destination since OctoSync wrote it; re-created", true, outcome);
                break;
            default:
                Leave(value, overwrite, side switch
                {
                    DestinationSide.Deleted => "deleted on the destination since OctoSync wrote it; left deleted",
                    DestinationSide.Edited => "changed on the destination since OctoSync wrote it; left as it is",
                    _ => "changed on the source; left as it is",
                }, drift, entry, outcome);
                break;
        }
    }

    /// <summary>A value OctoSync has not written: adopt an equal value in the same slot, else create it.</summary>
    private void DecideUnwritten(DesiredValue value, string fingerprint, string scopeKey, HashSet<string> claimed, NameOutcome outcome)
    {
        var slot = destination.Named(value.Value.Name).FirstOrDefault(e => !claimed.Contains(e.Id) && e.ScopeKey == scopeKey);
        if (slot is null)
        {
            Create(value, fingerprint, value.Rule, Because("new", value), false, outcome);
            return;
        }

        claimed.Add(slot.Id);
        if (slot.Fingerprint == fingerprint)
        {
            None(value, fingerprint, slot.Id, "already on the destination; now tracked by OctoSync", outcome);
        }
        else if (value.NewOnlyRule is { } newOnly)
        {
            Leave(value, newOnly, "exists on the destination; new-only leaves existing values as they are", false, null, outcome);
        }
        else if (VariableThreeWay.Cell(Rules.Overwrite, DestinationSide.NotWrittenByOctoSync, true).Action == ChangeAction.Update)
        {
            Update(value, fingerprint, slot, VariableRuleText.Overwrite(Rules.Overwrite), "differs on the destination (not written by OctoSync); overwritten", false, outcome);
        }
        else
        {
            Leave(value, VariableRuleText.Overwrite(Rules.Overwrite), "differs on the destination and was not written by OctoSync; left as it is", false, null, outcome);
        }
    }

    private void LeaveDrifted(string name, IReadOnlyList<DesiredValue> desired, IReadOnlyList<VariableValueState> entries, bool edited, NameOutcome outcome)
    {
        var reason = $"{name} was {(edited ? "changed" : "deleted")} on the destination since OctoSync wrote it; every value of {name} is left as it is";
        var rule = VariableRuleText.Overwrite(Rules.Overwrite);
        foreach (var value in desired)
        {
            outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Leave, rule, reason, IsDrift: true));
        }

        if (desired.Count == 0)
        {
            outcome.Details.Add(new ChangeDetail(name, ChangeAction.Leave, rule, reason, IsDrift: true));
        }

        outcome.State.AddRange(entries);
    }

    private static string Because(string what, DesiredValue value) => value.Note is null ? what : $"{what}; {value.Note}";
}
