using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Decides one source runbook: skipped by the step rules when its environment scope maps to nothing, else the
/// three-way decision of spec §6 against the destination's runbook of the same name. Teaches the translator the
/// runbooks this plan creates (so ProcessOwner scopes and the runbook process translate to tokens).
/// </summary>
internal static class RunbookDecider
{
    public static Change Decide(JsonObject source, JsonObject? destination, RunbookPlanningContext context, List<Diagnostic> diagnostics)
    {
        var key = ResourceKeys.Runbook(context.ProjectName, source.Name());
        var (translated, scope) = RunbookDocument.Translate(source, context, diagnostics);
        var change = new Change
        {
            Kind = ResourceKind.Runbook,
            Key = key,
            Action = ChangeAction.Skip,
            Rule = scope.Rule,
            Reason = scope.Reason,
            DestinationId = destination?.Str("Id"),
            Owner = context.ProjectName,
            Before = destination,
        };
        if (scope.Skip)
        {
            return change;
        }

        var t = context.Translator;
        var written = destination is null ? RunbookDocument.New(translated) : RunbookDocument.Overlay(destination, translated);
        var sourceFingerprint = PortableForm.Fingerprint(written, translated, t);
        var destinationFingerprint = destination is null ? null : PortableForm.Fingerprint(destination, translated, t);
        var baseFingerprint = ThreeWayDecision.BaseOf(context.State, ResourceKind.Runbook, key);
        var cell = ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, sourceFingerprint, context.Rules.Variables.Overwrite);
        var useScopeRule = cell.Rule == RuleText.Default && !scope.IsDefault;
        if (cell.Action == ChangeAction.Create)
        {
            t.PlanCreate(ResourceKind.Runbook, key);
            t.PlanCreate(ResourceKind.RunbookProcess, key);
        }

        return change with
        {
            Action = cell.Action,
            Rule = useScopeRule ? scope.Rule : cell.Rule,
            Reason = useScopeRule ? $"{scope.Reason} {cell.Reason}" : cell.Reason,
            After = cell.Action is ChangeAction.Create or ChangeAction.Update ? written : null,
            StateUpdates = cell.StateUpdates(ResourceKind.Runbook, key, destination?.Str("Id"), source.Str("Id"), source.Name(), PortableForm.Fields(translated)),
        };
    }
}
