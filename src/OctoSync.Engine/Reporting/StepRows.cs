using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The steps of a process in source order, then the destination's own steps; each with its scoping by name
/// (environments, excluded environments, channels, tenant tags of its actions) and the plan's decision.
/// </summary>
internal static class StepRows
{
    public static IReadOnlyList<StepRow> Of(JsonObject? source, JsonObject? destinationAfter, IReadOnlyList<ChangeDetail> details,
        DisplayNames sourceNames, DisplayNames destinationNames)
    {
        var after = Steps(destinationAfter).ToDictionary(s => s.Name(), StringComparer.OrdinalIgnoreCase);
        var rows = new List<StepRow>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in Steps(source))
        {
            seen.Add(step.Name());
            after.TryGetValue(step.Name(), out var written);
            rows.Add(Row(step.Name(), ActionType(step), Scope(step, sourceNames),
                written is null ? "—" : Scope(written, destinationNames), details));
        }

        foreach (var step in Steps(destinationAfter).Where(s => !seen.Contains(s.Name())))
        {
            seen.Add(step.Name());
            rows.Add(Row(step.Name(), ActionType(step), "—", Scope(step, destinationNames), details));
        }

        // Steps the plan removes are in neither document afterwards; their decision still belongs in the report.
        foreach (var detail in details.Where(d => StepName(d.Item) is { } n && !seen.Contains(n)))
        {
            rows.Add(Row(StepName(detail.Item)!, "", "—", "—", details));
        }

        return rows;
    }

    private static StepRow Row(string name, string actionType, string sourceScope, string destinationScope, IReadOnlyList<ChangeDetail> details)
    {
        var decision = details.FirstOrDefault(d => string.Equals(StepName(d.Item), name, StringComparison.OrdinalIgnoreCase));
        return new StepRow(name, actionType, sourceScope, destinationScope, decision?.Action, decision?.Rule ?? "", decision?.Reason ?? "", decision?.IsDrift ?? false);
    }

    /// <summary>The step of a detail about a whole step (<c>step "Approve release"</c>); null for details about its actions.</summary>
    private static string? StepName(string item) =>
        item.StartsWith("step \"", StringComparison.Ordinal) && item.EndsWith('"') && !item.Contains(" / ", StringComparison.Ordinal)
            ? item[6..^1]
            : null;

    private static IEnumerable<JsonObject> Steps(JsonObject? process) => process?.Arr("Steps").Objects() ?? [];

    private static string ActionType(JsonObject step) =>
        string.Join(", ", step.Arr("Actions").Objects().Select(a => a.Str("ActionType") ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));

    /// <summary><c>Environments: Test; Channels: Dev only</c>, or <c>all</c> when no action of the step is scoped.</summary>
    private static string Scope(JsonObject step, DisplayNames names)
    {
        var actions = step.Arr("Actions").Objects().ToList();
        string? Part(string label, string property, bool byName = true)
        {
            var items = actions.SelectMany(a => a.Strings(property)).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(i => byName ? names.Of(i) : i).ToList();
            return items.Count == 0 ? null : $"{label}: {string.Join(", ", items)}";
        }

        var parts = new[]
        {
            Part("Environments", "Environments"),
            Part("Excluded environments", "ExcludedEnvironments"),
            Part("Channels", "Channels"),
            Part("Tenant tags", "TenantTags", byName: false),
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "all" : string.Join("; ", parts);
    }
}
