using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Translates a runbook document (spec §5.4: a runbook whose environment scope maps to nothing follows the step
/// rules) and builds the document to write: new (no server fields) or the destination's with the source laid over it.
/// </summary>
internal static class RunbookDocument
{
    // Set by the server, or owned by the destination's copy (its project, its process, its published snapshot).
    private static readonly string[] ServerFields =
        ["Id", "Slug", "Links", "SpaceId", "RunbookProcessId", "PublishedRunbookSnapshotId", "ProjectId", "LastModifiedOn", "LastModifiedBy"];

    public static (JsonObject Translated, ScopeDecision Scope) Translate(JsonObject source, RunbookPlanningContext context, List<Diagnostic> diagnostics)
    {
        var runbook = source.Clone();
        var rules = new StepRuleResolver(context.Rules.Steps, source.Name());
        var scope = ScopeDecision.Unchanged;
        if (source.Str("EnvironmentScope") == "Specified")
        {
            var environments = source.Strings("Environments");
            scope = EnvironmentScoping.Translate(environments, context.Translator, rules, $"{context.ProjectName} / runbook \"{source.Name()}\"", diagnostics);
            runbook["Environments"] = environments.ToJsonArray();
            if (!scope.Skip && !scope.IsDefault && rules.Effective.ExcludedEnvironments == ExcludedEnvironmentsMode.Unscope)
            {
                runbook["EnvironmentScope"] = "All";
            }
        }
        else if (runbook.ContainsKey("Environments"))
        {
            runbook["Environments"] = EnvironmentScoping.Distinct(context.Translator.TranslateAll(ResourceKind.Environment, source.Strings("Environments"))).ToJsonArray();
        }

        runbook["ProjectId"] = context.DestinationProjectId;
        return (runbook, scope);
    }

    public static JsonObject New(JsonObject translated)
    {
        var runbook = translated.Clone();
        foreach (var field in ServerFields.Where(f => f != "ProjectId" && f != "Slug"))
        {
            runbook.Remove(field);
        }

        return runbook;
    }

    public static JsonObject Overlay(JsonObject destination, JsonObject translated) =>
        DocumentOverlay.Of(destination, translated, ServerFields);
}
