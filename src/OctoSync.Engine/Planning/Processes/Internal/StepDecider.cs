using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Decides one source step against the destination's step of the same name: skipped by rule, or the three-way
/// decision of spec §6 (create / update / none / leave). Also teaches the translator its actions.
/// </summary>
internal static class StepDecider
{
    /// <param name="sourceId">The source step's Id (recorded as its identity).</param>
    /// <param name="renamedFrom">The state key of the step OctoSync wrote for this source step under its old name, when the
    /// source renamed it: <paramref name="destination"/> is that step, updated in place.</param>
    public static StepOutcome Decide(TranslatedStep step, JsonObject? destination, ProcessPlanningContext context, string? sourceId = null, string? renamedFrom = null)
    {
        var item = $"step \"{step.Name}\"";
        var headline = step.Headline;
        var actionDetails = step.Actions.Where(a => !a.Kept && !step.Skipped)
            .Select(a => new ChangeDetail($"{item} / action \"{a.Name}\"", ChangeAction.Skip, a.Rule, a.Reason)).ToList();
        if (step.Planned is null)
        {
            Teach(context, step, null);
            var ownKey = renamedFrom ?? StateKey(context, step.Name);
            if (destination is not null && StateIndex.Of(context.State).Object(ownKey) is { } recorded)
            {
                // OctoSync wrote this step and the rules no longer bring it: the "gone from the source" rows decide.
                var gone = Gone(destination, recorded, ownKey, context, $"no longer decided by the rules: {headline.Reason.TrimEnd('.')}");
                return gone with { Details = [new ChangeDetail(item, ChangeAction.Skip, headline.Rule, headline.Reason), .. gone.Details], FromSource = true };
            }

            var reason = destination is null ? headline.Reason : $"{headline.Reason} The destination's own step of this name is left as it is.";
            return new StepOutcome(step.Name, destination, [new ChangeDetail(item, ChangeAction.Skip, headline.Rule, reason)], [], [], true);
        }

        var writer = new StepWriter(context.Rules.Variables.Placeholder, context.Rules.Steps.DestinationOnlySteps, $"{context.Key} / {item}");
        var written = destination is null ? writer.New(step.Planned) : writer.Overlay(destination, step.Planned, step.Actions.Select(a => a.Name), renamedFrom is not null);
        var t = context.Translator;
        var sourceFingerprint = PortableForm.FingerprintOwned(written, step.Planned, t);
        // A renamed step's actions carry their old names on the destination: every action counts (the owned filter is by name).
        var destinationFingerprint = destination is null ? null
            : renamedFrom is null ? PortableForm.FingerprintOwned(destination, step.Planned, t) : PortableForm.Fingerprint(destination, step.Planned, t);
        var stateKey = StateKey(context, step.Name);
        var baseFingerprint = StateIndex.Of(context.State).Object(renamedFrom ?? stateKey)?.Fingerprint;
        var cell = ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, sourceFingerprint, context.Rules.Variables.Overwrite);
        if (cell.Action == ChangeAction.None && writer.Details.Any(d => d.Action == ChangeAction.Delete))
        {
            // Only destination-only actions differ, and the rule asks for them to go.
            cell = cell with { Action = ChangeAction.Update, Rule = RuleText.DestinationOnlySteps(context.Rules.Steps.DestinationOnlySteps), Reason = "Up to date; actions only the destination has are removed." };
        }

        var writes = cell.Action is ChangeAction.Create or ChangeAction.Update;
        var document = writes ? written : destination;
        var useScopeRule = cell.Rule == RuleText.Default && headline.Rule != RuleText.Default;
        var renamed = renamedFrom is not null && StateIndex.Of(context.State).Object(renamedFrom)?.SourceName is { } oldName
            ? $" Renamed on the source from \"{oldName}\"; updated in place." : "";
        var detail = new ChangeDetail(
            item,
            cell.Action,
            useScopeRule ? headline.Rule : cell.Rule,
            (useScopeRule ? $"{headline.Reason} {cell.Reason}" : cell.Reason) + renamed,
            cell.IsDrift);
        List<StateUpdate> state = renamedFrom is null ? [] : [new StateUpdate.RemoveObject(renamedFrom)];
        if (cell.StateFingerprint is not null)
        {
            state.Add(new StateUpdate.SetObject(stateKey,
                new ObjectState(cell.StateFingerprint, destination?.Str("Id"), sourceId, step.Name, PortableForm.Fields(step.Planned))));
        }

        Teach(context, step, document);
        return new StepOutcome(step.Name, document, [detail, .. actionDetails, .. writes ? writer.Details : []], state, writes ? writer.Cleanup : [], true);
    }

    public static string StateKey(ProcessPlanningContext context, string stepName) => $"Step:{context.Key}/{stepName}";

    /// <summary>
    /// A destination step OctoSync wrote (<paramref name="written"/>) whose source step is gone: removed when nobody changed
    /// it since, left and reported otherwise (spec §6). The fingerprint covers the fields recorded when it was written.
    /// </summary>
    public static StepOutcome Gone(JsonObject destination, ObjectState written, string stateKey, ProcessPlanningContext context, string why)
    {
        var item = $"step \"{destination.Name()}\"";
        var fields = written.Fields ?? PortableForm.Fields(destination);
        var current = PortableForm.Fingerprint(destination, fields, context.Translator);
        var cell = GoneFromSource.Decide(written.Fingerprint, current, context.Rules.Variables.Overwrite, why);
        var detail = new ChangeDetail(item, cell.Action, cell.Rule, cell.Reason, cell.IsDrift);
        var actions = destination.Arr("Actions").Objects().Select(a => a.Name()).ToList();
        if (cell.Action == ChangeAction.Delete)
        {
            foreach (var action in actions)
            {
                context.Translator.Exclude(ResourceKind.Action, context.ActionKey(action));
            }

            return new StepOutcome(destination.Name(), null, [detail], [new StateUpdate.RemoveObject(stateKey)], [], false);
        }

        return new StepOutcome(destination.Name(), destination, [detail], [], [], false);
    }

    /// <summary>
    /// Kept actions that exist on the destination translate by their key (same name); new ones to a token;
    /// actions that will not be on the destination (skipped, left deleted) to null.
    /// </summary>
    private static void Teach(ProcessPlanningContext context, TranslatedStep step, JsonObject? document)
    {
        var actions = document?.Arr("Actions").Objects().ToList() ?? [];
        foreach (var verdict in step.Actions)
        {
            var key = context.ActionKey(verdict.Name);
            var written = actions.FirstOrDefault(a => string.Equals(a.Name(), verdict.Name, StringComparison.OrdinalIgnoreCase));
            if (!verdict.Kept || written is null)
            {
                context.Translator.Exclude(ResourceKind.Action, key);
            }
            else if (written.Str("Id") is not { } id)
            {
                context.Translator.PlanCreate(ResourceKind.Action, key);
            }
            else if (context.Translator.Destination.TryGetKey(id, out var kind, out var destinationKey) && kind == ResourceKind.Action
                && !string.Equals(destinationKey, key, StringComparison.OrdinalIgnoreCase))
            {
                // Renamed on the source and updated in place: the source's new name translates to the same destination action.
                context.Translator.Map(ResourceKind.Action, key, destinationKey);
            }
        }
    }
}
