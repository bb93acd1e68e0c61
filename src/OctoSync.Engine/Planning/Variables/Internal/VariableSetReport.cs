namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>What a variable-set plan tells a person beyond the per-value details: warnings and the one-line summary.</summary>
internal static class VariableSetReport
{
    /// <summary>Step 4: a synced value that refers to a variable that will not be there (the seed's ConnectionString).</summary>
    public static IEnumerable<Diagnostic> MissingReferences(VariableSetPlanningContext context, IEnumerable<VariableValue> values, HashSet<string> namesAfter)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var value in values.Where(v => !v.IsSensitive))
        {
            foreach (var name in TemplateReferences.NamesIn(value.Value))
            {
                if (!namesAfter.Contains(name) && !context.NamesAvailableElsewhere.Contains(name) && reported.Add((value.Name, name)))
                {
                    yield return new Diagnostic(Severity.Warning,
                        $"{value.Name} refers to #{{{name}}}, which is not synced to this destination",
                        $"Sync {name} too, or add it on the destination; otherwise {value.Name} will not resolve there.",
                        $"{context.OwnerName} / {value.Name}");
                }
            }
        }
    }

    public static string Summary(IReadOnlyList<ChangeDetail> details)
    {
        if (details.Count == 0)
        {
            return "No variables to sync.";
        }

        var counts = details.GroupBy(d => d.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Verb(g.Key)}");
        var drift = details.Count(d => d.IsDrift);
        return $"Variable values: {string.Join(", ", counts)}{(drift > 0 ? $" ({drift} drifted)" : "")}.";
    }

    private static string Verb(ChangeAction action) => action switch
    {
        ChangeAction.None => "unchanged",
        ChangeAction.Create => "to create",
        ChangeAction.Update => "to update",
        ChangeAction.Skip => "skipped",
        ChangeAction.Leave => "left",
        ChangeAction.Delete => "to delete",
        _ => action.ToString().ToLowerInvariant(),
    };
}
