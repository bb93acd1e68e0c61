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
    public static StepOutcome Decide(TranslatedStep step, JsonObject? destination, ProcessPlanningContext context)
    {
        var item = $"step \"{step.Name}\"";
        var headline = step.Headline;
        var actionDetails = step.Actions.Where(a => !a.Kept && !step.Skipped)
            .Select(a => new ChangeDetail($"{item} / action \"{a.Name}\"", ChangeAction.Skip, a.Rule, a.Reason)).ToList();
        if (step.Planned is null)
        {
            Teach(context, step, null);
            var reason = destination is null ? headline.Reason : $"{headline.Reason} The destination's own step of this name is left as it is.";
            return new StepOutcome(step.Name, destination, [new ChangeDetail(item, ChangeAction.Skip, headline.Rule, reason)], null, [], true);
        }

        var writer = new StepWriter(context.Rules.Variables.Placeholder, context.Rules.Steps.DestinationOnlySteps, $"{context.Key} / {item}");
        var written = destination is null ? writer.New(step.Planned) : writer.Overlay(destination, step.Planned, step.Actions.Select(a => a.Name));
        var t = context.Translator;
        var sourceFingerprint = PortableForm.Fingerprint(written, step.Planned, t);
        var destinationFingerprint = destination is null ? null : PortableForm.Fingerprint(destination, step.Planned, t);
        var stateKey = StateKey(context, step.Name);
        var baseFingerprint = context.State?.Objects.TryGetValue(stateKey, out var b) == true ? b.Fingerprint : null;
        var cell = ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, sourceFingerprint, context.Rules.Variables.Overwrite);

        var writes = cell.Action is ChangeAction.Create or ChangeAction.Update;
        var document = writes ? written : destination;
        var useScopeRule = cell.Rule == RuleText.Default && headline.Rule != RuleText.Default;
        var detail = new ChangeDetail(
            item,
            cell.Action,
            useScopeRule ? headline.Rule : cell.Rule,
            useScopeRule ? $"{headline.Reason} {cell.Reason}" : cell.Reason,
            cell.IsDrift);
        var state = cell.StateFingerprint is null ? null
            : new StateUpdate.SetObject(stateKey, new ObjectState(cell.StateFingerprint, destination?.Str("Id")));
        Teach(context, step, document);
        return new StepOutcome(step.Name, document, [detail, .. actionDetails, .. writes ? writer.Details : []], state, writes ? writer.Cleanup : [], true);
    }

    public static string StateKey(ProcessPlanningContext context, string stepName) => $"Step:{context.Key}/{stepName}";

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
            else if (written.Str("Id") is null)
            {
                context.Translator.PlanCreate(ResourceKind.Action, key);
            }
        }
    }
}
