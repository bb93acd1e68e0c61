using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// Puts the plan's per-value decisions (<c>Db.Name = OctoFx-Prod [Environment: Production]</c>: update, the rule, the
/// reason) on the rows of a variable table, so that the report says for every value what the text plan says.
/// A detail names a value by name and shown value; values of one name with the same text are matched in order.
/// </summary>
internal static class VariableDecisions
{
    public static IReadOnlyList<VariableRow> Attach(IReadOnlyList<VariableRow> rows, IReadOnlyList<ChangeDetail> details, Func<ChangeDetail, bool> applies)
    {
        var open = details.Where(applies).Select(d => (Detail: d, Parsed: Parse(d.Item))).Where(x => x.Parsed is not null).ToList();
        var result = new List<VariableRow>(rows.Count);
        foreach (var row in rows)
        {
            var index = open.FindIndex(x => Matches(row, x.Parsed!.Value));
            if (index < 0)
            {
                result.Add(row);
                continue;
            }

            result.Add(row with { Decision = open[index].Detail });
            open.RemoveAt(index);
        }

        return result;
    }

    /// <summary><c>Name = value [scope]</c> → (name, value); values longer than the plan shows end in "…".</summary>
    private static (string Name, string Value)? Parse(string item)
    {
        var equals = item.IndexOf(" = ", StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var value = item[(equals + 3)..];
        if (value.EndsWith(']') && value.LastIndexOf(" [", StringComparison.Ordinal) is var scope and >= 0)
        {
            value = value[..scope];
        }

        return (item[..equals], value);
    }

    private static bool Matches(VariableRow row, (string Name, string Value) item) =>
        string.Equals(row.Name, item.Name, StringComparison.OrdinalIgnoreCase)
        && (row.Value == item.Value || (item.Value.EndsWith('…') && row.Value.StartsWith(item.Value[..^1], StringComparison.Ordinal)));
}
