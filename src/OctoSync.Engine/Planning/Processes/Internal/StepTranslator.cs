using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Translates one source step: each action's scoping and ids. An action whose scope maps to nothing (by rule) or
/// that references something missing is left out; a step left with no action is skipped.
/// </summary>
internal static class StepTranslator
{
    public static TranslatedStep Translate(JsonObject sourceStep, ProcessPlanningContext context, List<Diagnostic> diagnostics)
    {
        var stepName = sourceStep.Name();
        var planned = sourceStep.Clone();
        var keptActions = new JsonArray();
        var verdicts = new List<ActionVerdict>();
        foreach (var sourceAction in sourceStep.Arr("Actions").Objects())
        {
            var action = sourceAction.Clone();
            var subject = $"{context.Key} / step \"{action.Name()}\"";
            var rules = StepRuleResolver.For(context.Rules.Steps, stepName, action.Name());
            var local = new List<Diagnostic>();
            var scope = ActionScoping.Apply(action, rules, context, subject, local);
            var missing = scope.Skip ? null : ActionReferences.Translate(action, context, subject, local);
            if (missing is not null)
            {
                local.Add(new Diagnostic(Severity.Warning, $"{missing.Reason} The step is skipped.", Subject: subject));
                verdicts.Add(new ActionVerdict(action.Name(), sourceAction.Id(), false, missing.Rule, missing.Reason));
            }
            else
            {
                verdicts.Add(new ActionVerdict(action.Name(), sourceAction.Id(), !scope.Skip, scope.Rule, scope.Reason));
                if (!scope.Skip)
                {
                    keptActions.Add(action);
                }
            }

            // Warnings about a skipped action (a team it would have lost) are noise; errors always count.
            diagnostics.AddRange(local.Where(d => missing is not null || !scope.Skip || d.Severity == Severity.Error));
        }

        if (keptActions.Count == 0)
        {
            return new TranslatedStep(stepName, null, verdicts);
        }

        planned["Actions"] = keptActions;
        return new TranslatedStep(stepName, planned, verdicts);
    }
}
