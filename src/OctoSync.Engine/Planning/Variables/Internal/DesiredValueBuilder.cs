using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Steps 1–2 of the variable rules: translates each source value (scope, account/certificate/worker-pool value)
/// and applies <c>whenNoEnvironmentLeft</c>, including the one placeholder per variable that nothing else reaches.
/// </summary>
internal static class DesiredValueBuilder
{
    public static DesiredValues Build(VariableSetPlanningContext context)
    {
        var rules = context.Rules.Variables;
        var values = new List<DesiredValue>();
        var skipped = new List<(string, ChangeDetail)>();
        var diagnostics = new List<Diagnostic>();
        var leftOut = new List<(VariableValue Value, JsonObject Template)>();
        foreach (var json in context.Source.Arr("Variables").Objects())
        {
            var source = VariableValue.FromJson(json);
            // An account, certificate or worker-pool value is shown by its name: a skipped one is never translated,
            // and its source id means nothing to a person looking at the destination.
            var shown = source.ReferenceKind is not null && !string.IsNullOrEmpty(source.Value)
                ? source with { Value = context.Translator.SourceKeyOf(source.Value) ?? source.Value }
                : source;
            var item = VariableText.Item(shown, context.OwnerName, (d, i) => SourceName(context, d, i));
            void Skip(string rule, string reason) => skipped.Add((source.Name, new ChangeDetail(item, ChangeAction.Skip, rule, reason)));

            var reference = ValueReferenceTranslator.Translate(source, rules.References, context.Translator);
            if (reference.SkipReason is not null)
            {
                Skip(reference.Rule!, reference.SkipReason);
                continue;
            }

            var scope = ScopeTranslator.Translate(source.Scope, rules, context.Translator);
            foreach (var dimension in scope.UnknownDimensions)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, $"{source.Name}: scope dimension {dimension} is not synced and was dropped", Subject: Subject(context, source.Name)));
            }

            if (scope.IsSkipped)
            {
                Skip(scope.SkipRule!, scope.SkipReason!);
                continue;
            }

            var notes = scope.Notes.ToList();
            if (reference.Rule is not null)
            {
                notes.Insert(0, (reference.Rule, reference.Note!));
            }

            if (scope.NoEnvironmentLeft)
            {
                var whenNone = VariableRuleText.WhenNoEnvironmentLeft(rules.WhenNoEnvironmentLeft);
                var missing = $"none of its environments ({string.Join(", ", scope.MissingEnvironments)}) is on this destination";
                if (rules.WhenNoEnvironmentLeft != WhenNoEnvironmentLeft.Unscope)
                {
                    if (rules.WhenNoEnvironmentLeft == WhenNoEnvironmentLeft.Placeholder)
                    {
                        leftOut.Add((source, json));
                    }

                    Skip(whenNone, missing);
                    continue;
                }

                notes.Insert(0, (whenNone, $"environment scoping removed: {missing}"));
            }

            values.Add(new DesiredValue
            {
                Value = reference.Value with { Scope = scope.Scope },
                Template = json,
                SourceId = json.Str("Id"),
                NewOnlyRule = scope.NewOnlyRule,
                Rule = notes.Count > 0 ? notes[0].Item1 : VariableRuleText.Default,
                Note = notes.Count > 0 ? string.Join("; ", notes.Select(n => n.Item2)) : null,
            });
        }

        values.AddRange(Placeholders(context, values, leftOut, diagnostics));
        return new DesiredValues(values, skipped, diagnostics);
    }

    /// <summary>One unscoped placeholder per variable whose values were all left out for want of an environment.</summary>
    private static IEnumerable<DesiredValue> Placeholders(
        VariableSetPlanningContext context, List<DesiredValue> values, List<(VariableValue Value, JsonObject Template)> leftOut, List<Diagnostic> diagnostics)
    {
        var rule = VariableRuleText.WhenNoEnvironmentLeft(WhenNoEnvironmentLeft.Placeholder);
        var reached = values.Select(v => v.Value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in leftOut.GroupBy(l => l.Value.Name, StringComparer.OrdinalIgnoreCase))
        {
            var (first, template) = group.First();
            if (reached.Contains(group.Key))
            {
                continue;
            }

            if (first.ReferenceKind is not null)
            {
                // "Replace Me" is not a valid account/certificate/worker pool id: a person has to pick one.
                diagnostics.Add(new Diagnostic(Severity.Warning,
                    $"{first.Name}: no value reaches this destination and a {first.Type} value cannot hold a placeholder; add a value by hand",
                    Subject: Subject(context, first.Name)));
                continue;
            }

            yield return new DesiredValue
            {
                Value = first with
                {
                    Value = first.IsSensitive ? null : context.Rules.Variables.Placeholder,
                    Scope = VariableScope.Empty,
                },
                Template = template,
                IsPlaceholder = true,
                Rule = rule,
                Note = "no value of this variable is scoped to an environment on this destination",
            };
        }
    }

    public static string Subject(VariableSetPlanningContext context, string name) => $"{context.OwnerName} / {name}";

    private static string SourceName(VariableSetPlanningContext context, string dimension, string item) =>
        PortableValue.IsPortableDimension(dimension) ? item : context.Translator.SourceKeyOf(item) ?? item;
}
