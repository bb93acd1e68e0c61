using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// A variable set as the seed writes it: Variable Name | Value | Scope, sorted by name, the name only on a
/// variable's first value, scopes by name (roles marked "(role)"). Sensitive values show as <c>***</c>, never the value.
/// </summary>
public static class VariableRows
{
    public const string Hidden = "***";

    /// <summary>Order of scope dimensions, the order of the Octopus variable editor.</summary>
    private static readonly string[] DisplayOrder = ["Environment", "Role", "Machine", "Channel", "Action", "ProcessOwner", "TenantTag"];

    /// <summary>The rows of a variable set document (null = the set does not exist: no rows).</summary>
    public static IReadOnlyList<VariableRow> Of(JsonObject? variableSet, Func<string, string> nameOf, Func<string?, string> valueOf)
    {
        var rows = new List<VariableRow>();
        string? previous = null;
        var variables = variableSet?.Arr("Variables").Objects() ?? [];
        foreach (var v in variables.OrderBy(v => v.Name(), StringComparer.OrdinalIgnoreCase))
        {
            var sensitive = v.Bool("IsSensitive") || v.Str("Type") == "Sensitive";
            var value = sensitive ? Hidden : valueOf(v.Str("Value"));
            var shown = string.Equals(v.Name(), previous, StringComparison.OrdinalIgnoreCase) ? "" : v.Name();
            rows.Add(new VariableRow(v.Name(), shown, value, Scope(v.Obj("Scope"), nameOf)));
            previous = v.Name();
        }

        return rows;
    }

    internal static IReadOnlyList<VariableRow> Of(JsonObject? variableSet, DisplayNames names) => Of(variableSet, names.Of, names.Value);

    /// <summary>Marks the rows of <paramref name="rows"/> that <paramref name="other"/> does not have.</summary>
    public static IReadOnlyList<VariableRow> MarkChanged(IReadOnlyList<VariableRow> rows, IReadOnlyList<VariableRow> other)
    {
        var known = other.Select(r => r.Identity).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => r with { Changed = !known.Contains(r.Identity) }).ToList();
    }

    /// <summary><c>Staging, SQL-Server (role)</c>: every dimension's items by name, in the editor's order.</summary>
    public static string Scope(JsonObject? scope, Func<string, string> nameOf)
    {
        if (scope is null)
        {
            return "";
        }

        var parts = scope
            .OrderBy(d => Array.IndexOf(DisplayOrder, d.Key) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .SelectMany(d => (d.Value as JsonArray ?? []).OfType<JsonValue>()
                .Select(n => n.TryGetValue<string>(out var s) ? s : n.ToJsonString())
                .Select(item => Label(d.Key, item, nameOf)));
        return string.Join(", ", parts);
    }

    private static string Label(string dimension, string item, Func<string, string> nameOf) => dimension switch
    {
        "Environment" => nameOf(item),
        "Role" => $"{item} (role)",
        "TenantTag" => $"{item} (tenant tag)",
        "Machine" => $"{nameOf(item)} (target)",
        "Channel" => $"{nameOf(item)} (channel)",
        "Action" => $"{nameOf(item)} (step)",
        "ProcessOwner" => $"{nameOf(item)} (process)",
        _ => $"{nameOf(item)} ({dimension})",
    };
}
