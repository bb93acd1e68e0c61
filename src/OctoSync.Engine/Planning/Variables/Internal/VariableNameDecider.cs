using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.ThreeWay;
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

        var written = entries.Select(e => e.DestinationId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (desired.Select(d => d.NewOnlyRule).FirstOrDefault(r => r is not null) is { } newOnly && destination.Named(name).Any(e => !written.Contains(e.Id)))
        {
            // new-only is decided per variable (the seed: "if it is not new then leave everything as is"): a variable the
            // destination already has values of that OctoSync did not write gets no value added, changed or removed, so
            // no fallback appears beside a person's value.
            foreach (var value in desired)
            {
                Leave(value, newOnly, $"{name} exists on the destination; new-only leaves every value of an existing variable as it is", false, null, outcome);
            }

            outcome.State.AddRange(entries);
            return outcome;
        }

        var forms = desired.Select(d => ValueForms.Of(d.Value, Translator)).ToList();
        var candidates = desired.Select((d, i) => new BaseMatcher.Candidate(
            d.SourceId, forms[i].Fingerprint, forms[i].ScopeKey, forms[i].PortableScope, d.IsPlaceholder, forms[i].TextFingerprint)).ToList();
        var matches = BaseMatcher.Match(candidates, entries, e => destination.Find(e.DestinationId)?.ScopeKey, sourceIds,
            e => destination.Find(e.DestinationId) is { } d && d.Fingerprint == e.WrittenFingerprint ? PortableValue.TextFingerprint(d.Value, Translator) : null);
        var claimed = entries.Select(e => e.DestinationId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < desired.Count; i++)
        {
            if (matches[i] is { } entry)
            {
                DecideWritten(desired[i], forms[i], entry, outcome);
            }
            else
            {
                DecideUnwritten(desired[i], forms[i], claimed, outcome);
            }
        }

        foreach (var entry in entries.Where(e => !matches.Contains(e)))
        {
            Gone(entry, outcome);
        }

        return outcome;
    }

    /// <summary>
    /// A value OctoSync wrote whose source value is gone (deleted, or no longer decided by the rules): the rows "gone from
    /// the source" of the §6 table. A value left stays in the state, so it is reported on every run until resolved.
    /// </summary>
    private void Gone(VariableValueState entry, NameOutcome outcome)
    {
        var current = destination.Find(entry.DestinationId);
        var decision = GoneFromSource.Decide(entry.WrittenFingerprint, current?.Fingerprint, Rules.Overwrite, "deleted on the source or no longer decided by the rules");
        if (current is null)
        {
            return;
        }

        outcome.Details.Add(new ChangeDetail(Item(current.Value), decision.Action, decision.Rule, decision.Reason.TrimEnd('.'), decision.IsDrift));
        if (decision.Action == ChangeAction.Delete)
        {
            outcome.Deletes.Add(current.Id);
        }
        else
        {
            outcome.State.Add(entry);
            outcome.Reaching.Add(current.Value);
        }
    }

    /// <summary>A value OctoSync wrote before: the §6 table decides, from the base entry's fingerprint.</summary>
    private void DecideWritten(DesiredValue value, ValueForms forms, VariableValueState entry, NameOutcome outcome) =>
        DecideOne(value, forms, entry, destination.Find(entry.DestinationId), outcome);

    /// <summary>A value OctoSync has not written: an unclaimed destination value in the same slot (name and scope by
    /// names) is the same value — adopted when equal; otherwise the value is new.</summary>
    private void DecideUnwritten(DesiredValue value, ValueForms forms, HashSet<string> claimed, NameOutcome outcome)
    {
        var slot = destination.Named(value.Value.Name).FirstOrDefault(e => !claimed.Contains(e.Id) && e.ScopeKey == forms.ScopeKey);
        if (slot is not null)
        {
            claimed.Add(slot.Id);
        }
        else if (value.IsPlaceholder && destination.Named(value.Value.Name).Any(e => !claimed.Contains(e.Id)))
        {
            // The placeholder exists so that a variable never disappears; one a person keeps on the destination has not.
            outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Skip, value.Rule,
                $"Not needed: the destination already has values of {value.Value.Name} that OctoSync did not write"));
            return;
        }

        DecideOne(value, forms, null, slot, outcome);
    }

    /// <summary>One cell of the §6 table (the shared <see cref="ThreeWayDecision"/>), then the variable-only rules:
    /// <c>new-only</c> leaves an existing value alone; a deleted value counts as drift.</summary>
    private void DecideOne(DesiredValue value, ValueForms forms, VariableValueState? entry, DestinationVariables.Entry? current, NameOutcome outcome)
    {
        var decision = ThreeWayDecision.Decide(entry?.WrittenFingerprint, current?.Fingerprint, forms.Fingerprint, Rules.Overwrite);
        var drift = decision.IsDrift || (entry is not null && current is null);
        var rule = decision.Rule == VariableRuleText.Default ? value.Rule : decision.Rule;
        var reason = decision.Reason.TrimEnd('.');
        switch (decision.Action)
        {
            case ChangeAction.None when UnchangedSecret(value.Value, current!) is { } secret:
                // Everything else is as OctoSync wrote it; the supplied secret decides on its own (docs/secrets.md).
                if (secret.Write)
                {
                    Update(value, forms, current!, secret.Rule, reason, drift, outcome);
                }
                else
                {
                    None(value, forms, current!.Id, $"{reason}; {secret.Note}", outcome);
                }

                break;
            case ChangeAction.None:
                None(value, forms, current!.Id, reason, outcome);
                break;
            case ChangeAction.Update when value.NewOnlyRule is { } newOnly:
                Leave(value, newOnly, "Exists on the destination; new-only leaves existing values as they are", false, entry, outcome);
                break;
            case ChangeAction.Update:
                Update(value, forms, current!, rule, Because(reason, value), drift, outcome);
                break;
            case ChangeAction.Create:
                Create(value, forms, rule, Because(reason, value), drift, outcome);
                break;
            default:
                Leave(value, decision.Rule, reason, drift, entry, outcome);
                break;
        }
    }

    private void LeaveDrifted(string name, IReadOnlyList<DesiredValue> desired, IReadOnlyList<VariableValueState> entries, bool edited, NameOutcome outcome)
    {
        // What is left as it is, is what the destination holds now: the person's values, not the base or the source's.
        // A value of ours gone while other values of the name are there is a replacement (the seed's per-environment
        // database names), not a deletion.
        var now = destination.Named(name).ToList();
        var what = edited ? "edited" : now.Count > 0 ? "replaced" : "deleted";
        var reason = $"{name} was {what} on the destination since OctoSync wrote it (drift); every value of {name} is left as it is";
        var rule = VariableRuleText.Overwrite(Rules.Overwrite);
        foreach (var value in now)
        {
            outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Leave, rule, reason, IsDrift: true));
        }

        if (now.Count == 0)
        {
            // Deleted: nothing of the name is on the destination; the source's values are the ones not written again.
            foreach (var value in desired)
            {
                outcome.Details.Add(new ChangeDetail(Item(value.Value), ChangeAction.Leave, rule, reason, IsDrift: true));
            }

            if (desired.Count == 0)
            {
                outcome.Details.Add(new ChangeDetail(name, ChangeAction.Leave, rule, reason, IsDrift: true));
            }
        }

        outcome.State.AddRange(entries);
    }

    private static string Because(string what, DesiredValue value) => value.Note is null ? what : $"{what}; {value.Note}";
}
