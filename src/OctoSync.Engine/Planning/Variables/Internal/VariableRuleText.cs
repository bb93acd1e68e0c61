using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>The rule strings a variable decision cites, spelled as in <c>octosync.yaml</c> and docs/rules-variables.md.</summary>
internal static class VariableRuleText
{
    public const string Default = "default";

    /// <summary><c>rules.variables.scopeMatchBy.Channel: exact</c> when the dimension has its own setting, else <c>rules.variables.scopeMatch: partial</c>.</summary>
    public static string ScopeMatch(VariableRules rules, ScopeDimension dimension) =>
        rules.ScopeMatchBy.ContainsKey(dimension)
            ? $"rules.variables.scopeMatchBy.{dimension}: {Config(rules.For(dimension))}"
            : $"rules.variables.scopeMatch: {Config(rules.ScopeMatch)}";

    public static string WhenNoEnvironmentLeft(WhenNoEnvironmentLeft mode) =>
        $"rules.variables.whenNoEnvironmentLeft: {mode.ToString().ToLowerInvariant()}";

    public static string Overwrite(OverwriteMode mode) => $"rules.variables.overwrite: {mode.ToString().ToLowerInvariant()}";

    public static string Sensitive(SensitiveMode mode) => $"rules.variables.sensitive: {mode.ToString().ToLowerInvariant()}";

    public static string References(ValueReferenceMode mode) => $"rules.variables.references: {mode switch
    {
        ValueReferenceMode.ByName => "by-name",
        ValueReferenceMode.Skip => "skip",
        _ => "empty",
    }}";

    public static string Config(ScopeMatch mode) => mode switch
    {
        Configuration.ScopeMatch.Exact => "exact",
        Configuration.ScopeMatch.Partial => "partial",
        Configuration.ScopeMatch.Ignore => "ignore",
        _ => "new-only",
    };
}
