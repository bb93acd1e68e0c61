using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Translates an environment scope (spec §5.4). A scope that was not empty and maps to nothing is decided by
/// <c>steps.excludedEnvironments</c>: skip, unscope (every environment) or rescope (to <c>rescopeTo</c>).
/// Shared by steps and runbooks.
/// </summary>
internal static class EnvironmentScoping
{
    /// <param name="scope">Source environment ids; replaced by the destination ids to write.</param>
    public static ScopeDecision Translate(List<string> scope, Translator t, StepRuleResolver rules, string subject, List<Diagnostic> diagnostics)
    {
        if (scope.Count == 0)
        {
            return ScopeDecision.Unchanged;
        }

        var names = string.Join(", ", scope.Select(id => t.SourceKeyOf(id) ?? id));
        var translated = Distinct(t.TranslateAll(ResourceKind.Environment, scope));
        scope.Clear();
        if (translated.Count > 0)
        {
            scope.AddRange(translated);
            return ScopeDecision.Unchanged;
        }

        var rule = rules.ExcludedEnvironmentsRule;
        var lost = $"Scoped to {names}, which {(names.Contains(',', StringComparison.Ordinal) ? "are" : "is")} not on this destination;";
        switch (rules.Effective.ExcludedEnvironments)
        {
            case ExcludedEnvironmentsMode.Unscope:
                return new ScopeDecision(false, rule, $"{lost} runs in every environment.");
            case ExcludedEnvironmentsMode.Rescope:
                var missing = rules.Effective.RescopeTo.Where(n => t.Destination.IdOf(ResourceKind.Environment, n) is null).ToList();
                foreach (var name in missing)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, $"rescopeTo names environment \"{name}\", which is not on the destination.", Subject: subject));
                }

                scope.AddRange(Distinct(rules.Effective.RescopeTo.Select(n => t.Destination.IdOf(ResourceKind.Environment, n)).OfType<string>()));
                return scope.Count == 0
                    ? new ScopeDecision(true, rule, $"{lost} no environment of rescopeTo is on the destination.")
                    : new ScopeDecision(false, rule, $"{lost} rescoped to {string.Join(", ", rules.Effective.RescopeTo.Except(missing))}.");
            default:
                return new ScopeDecision(true, rule, $"{lost} skipped.");
        }
    }

    public static List<string> Distinct(IEnumerable<string> ids) => ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
