using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Decides one source runbook: skipped by the step rules when its environment scope maps to nothing, else the
/// three-way decision of spec §6 against the destination's runbook of the same name. Teaches the translator the
/// runbooks this plan creates (so ProcessOwner scopes and the runbook process translate to tokens).
/// </summary>
internal static class RunbookDecider
{
    /// <param name="rename">Set when the source renamed the runbook: <paramref name="destination"/> is the runbook OctoSync wrote
    /// under the old name, and its state entry moves to the new name once written.</param>
    public static Change Decide(JsonObject source, JsonObject? destination, RunbookPlanningContext context, List<Diagnostic> diagnostics, SourceRename? rename = null)
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
        var baseFingerprint = rename is null ? ThreeWayDecision.BaseOf(context.State, ResourceKind.Runbook, key)
            : StateIndex.Of(context.State).Object(rename.StateKey)?.Fingerprint;
        var cell = ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, sourceFingerprint, context.Rules.Variables.Overwrite);
        var writes = cell.Action is ChangeAction.Create or ChangeAction.Update;
        if (rename is not null && writes)
        {
            cell = cell with { Reason = cell.Reason + rename.Sentence };
        }

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
            After = writes ? written : null,
            // A rename left alone (drift, overwrite: never) keeps its old entry, so the next run finds the same rename again.
            StateUpdates = rename is null ? cell.StateUpdates(ResourceKind.Runbook, key, destination?.Str("Id"), source.Str("Id"), source.Name(), PortableForm.Fields(translated))
                : writes ? [new StateUpdate.RemoveObject(rename.StateKey), .. cell.StateUpdates(ResourceKind.Runbook, key, destination?.Str("Id"), source.Str("Id"), source.Name(), PortableForm.Fields(translated))]
                : [],
        };
    }
}
