using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Translates a source value's scope dimension by dimension under <c>scopeMatch</c>/<c>scopeMatchBy</c> (spec §5.5).
/// Environment is translated first because a value that keeps none of its environments is decided by
/// <c>whenNoEnvironmentLeft</c>, not by <c>scopeMatch</c>.
/// </summary>
internal static class ScopeTranslator
{
    public static ScopeOutcome Translate(VariableScope source, VariableRules rules, Translator translator)
    {
        var scope = VariableScope.Empty;
        var notes = new List<(string, string)>();
        var unknown = new List<string>();
        string? newOnlyRule = null;
        var noEnvironmentLeft = false;
        IReadOnlyList<string> missingEnvironments = [];
        var ordered = source.Dimensions.OrderBy(d => d.Key == nameof(ScopeDimension.Environment) ? 0 : 1);
        foreach (var (key, items) in ordered)
        {
            if (!Enum.TryParse<ScopeDimension>(key, out var dimension))
            {
                unknown.Add(key);
                continue;
            }

            var mode = rules.For(dimension);
            var rule = VariableRuleText.ScopeMatch(rules, dimension);
            newOnlyRule ??= mode == ScopeMatch.NewOnly ? rule : null;
            var (kept, missing) = Split(dimension, items, translator);
            if (missing.Count == 0)
            {
                scope = scope.With(key, kept);
                continue;
            }

            var missingText = string.Join(", ", missing);
            if (dimension == ScopeDimension.Environment && kept.Count == 0)
            {
                noEnvironmentLeft = true;
                missingEnvironments = missing;
                continue;
            }

            if (mode == ScopeMatch.Exact)
            {
                return Skip(scope, rule, $"{Label(dimension)} {missingText} not on this destination (exact needs every one)");
            }

            if (kept.Count == 0 && mode == ScopeMatch.Partial)
            {
                return Skip(scope, rule, $"none of its {Label(dimension)} ({missingText}) is on this destination");
            }

            scope = scope.With(key, kept);
            notes.Add((rule, kept.Count == 0
                ? $"{Label(dimension)} scoping removed ({missingText} not on this destination)"
                : $"{Label(dimension)} {missingText} dropped (not on this destination)"));
        }

        return new ScopeOutcome
        {
            Scope = scope,
            Notes = notes,
            UnknownDimensions = unknown,
            NewOnlyRule = newOnlyRule,
            NoEnvironmentLeft = noEnvironmentLeft,
            MissingEnvironments = missingEnvironments,
        };
    }

    /// <summary>Destination items that exist (ids, tokens or portable strings) and source names of those that don't.</summary>
    private static (List<string> Kept, List<string> Missing) Split(ScopeDimension dimension, IReadOnlyList<string> items, Translator translator)
    {
        if (dimension == ScopeDimension.Role)
        {
            return ([.. items], []);
        }

        if (dimension == ScopeDimension.TenantTag)
        {
            // Portable names, but Octopus refuses a set scoped to a tag it does not have.
            var tags = items.ToLookup(t => TenantTags.Exists(t, translator));
            return ([.. tags[true]], [.. tags[false]]);
        }

        var kept = new List<string>();
        var missing = new List<string>();
        foreach (var item in items)
        {
            var translated = KindOf(dimension) is { } kind ? translator.Translate(kind, item) : translator.Translate(item);
            if (translated is null)
            {
                missing.Add(translator.SourceKeyOf(item) ?? item);
            }
            else if (!kept.Contains(translated, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(translated);
            }
        }

        return (kept, missing);
    }

    /// <summary>ProcessOwner items are projects or runbooks: translated by whatever kind the id is.</summary>
    private static ResourceKind? KindOf(ScopeDimension dimension) => dimension switch
    {
        ScopeDimension.Environment => ResourceKind.Environment,
        ScopeDimension.Machine => ResourceKind.Machine,
        ScopeDimension.Channel => ResourceKind.Channel,
        ScopeDimension.Action => ResourceKind.Action,
        _ => null,
    };

    private static string Label(ScopeDimension dimension) => dimension switch
    {
        ScopeDimension.Environment => "environment",
        ScopeDimension.Machine => "deployment target",
        ScopeDimension.Channel => "channel",
        ScopeDimension.Action => "step",
        ScopeDimension.ProcessOwner => "process",
        ScopeDimension.TenantTag => "tenant tag",
        _ => "role",
    };

    private static ScopeOutcome Skip(VariableScope scope, string rule, string reason) =>
        new() { Scope = scope, SkipRule = rule, SkipReason = reason };
}
