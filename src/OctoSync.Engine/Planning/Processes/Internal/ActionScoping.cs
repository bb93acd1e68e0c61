using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Translates an action's scoping (spec §5.4): Environments (by <c>steps.excludedEnvironments</c>),
/// ExcludedEnvironments (losing excluded entries), Channels (by <c>steps.missingChannels</c>). Tenant tags are
/// canonical names and portable as they are.
/// </summary>
internal static class ActionScoping
{
    public static ScopeDecision Apply(JsonObject action, StepRuleResolver rules, ProcessPlanningContext context, string subject, List<Diagnostic> diagnostics)
    {
        var t = context.Translator;
        var environments = action.Strings("Environments");
        var decision = EnvironmentScoping.Translate(environments, t, rules, subject, diagnostics);
        Set(action, "Environments", environments);
        Set(action, "ExcludedEnvironments", EnvironmentScoping.Distinct(t.TranslateAll(ResourceKind.Environment, action.Strings("ExcludedEnvironments"))));

        var channels = action.Strings("Channels");
        var translated = EnvironmentScoping.Distinct(t.TranslateAll(ResourceKind.Channel, channels));
        Set(action, "Channels", translated);
        if (channels.Count > 0 && translated.Count == 0)
        {
            var names = string.Join(", ", channels.Select(id => t.SourceKeyOf(id) ?? id));
            var lost = $"Runs only in channel {names}, which does not reach this destination;";
            decision = decision.Then(rules.Effective.MissingChannels == MissingChannelsMode.Unscope
                ? new ScopeDecision(false, rules.MissingChannelsRule, $"{lost} runs in every channel.")
                : new ScopeDecision(true, rules.MissingChannelsRule, $"{lost} skipped."));
        }

        return decision;
    }

    // Fields the source did not send stay absent (documents are written back as read).
    private static void Set(JsonObject action, string field, List<string> ids)
    {
        if (action.ContainsKey(field))
        {
            action[field] = ids.ToJsonArray();
        }
    }
}
