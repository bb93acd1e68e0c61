using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// The step rules in force for one step (or runbook), and which config key decided them: a per-step override
/// (<c>rules.steps.overrides["QA sign-off"].excludedEnvironments</c>) beats the rule for every step.
/// </summary>
internal sealed class StepRuleResolver(StepRules steps, string name)
{
    private readonly StepOverride? _override = steps.Overrides.TryGetValue(name, out var o) ? o : null;

    /// <summary>The override key used: the action's name if it has its own override, else the step's name.</summary>
    public static StepRuleResolver For(StepRules steps, string stepName, string actionName) =>
        new(steps, steps.Overrides.ContainsKey(actionName) ? actionName : stepName);

    public StepRules Effective { get; } = steps.ForStep(name);

    public string ExcludedEnvironmentsRule =>
        Text(_override?.ExcludedEnvironments is not null, "excludedEnvironments", RuleText.Of(Effective.ExcludedEnvironments));

    public string MissingChannelsRule =>
        Text(_override?.MissingChannels is not null, "missingChannels", RuleText.Of(Effective.MissingChannels));

    private string Text(bool overridden, string key, string value) =>
        overridden ? $"rules.steps.overrides[\"{name}\"].{key}: {value}" : $"rules.steps.{key}: {value}";
}
