using System.Text.RegularExpressions;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Finds the variables an Octostache template refers to: <c>#{Name}</c>, <c>#{Name | Filter}</c>,
/// <c>#{if Name}</c>, <c>#{unless Name}</c>, <c>#{each item in Name}</c>. <c>##{…}</c> is an escape, and the
/// loop variable of an <c>each</c> block is not a variable of the set.
/// </summary>
internal static partial class TemplateReferences
{
    [GeneratedRegex(@"(?<!#)#\{(?<expression>[^{}]*)\}")]
    private static partial Regex Expression();

    /// <summary>Referenced variable names, excluding Octopus system variables (<c>Octopus.*</c>).</summary>
    public static IReadOnlyList<string> NamesIn(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return [];
        }

        var names = new List<string>();
        var loopVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Expression().Matches(template))
        {
            var expression = match.Groups["expression"].Value.Trim();
            string? name;
            if (expression.StartsWith('/') || expression == "else")
            {
                continue;
            }
            else if (Keyword(expression, "each") is { } each)
            {
                var parts = each.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 3 && parts[1] == "in")
                {
                    loopVariables.Add(parts[0]);
                }

                name = parts.Length >= 3 ? parts[2] : null;
            }
            else if ((Keyword(expression, "if") ?? Keyword(expression, "unless")) is { } condition)
            {
                name = condition.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            }
            else
            {
                name = expression.Split('|')[0].Trim();
            }

            name = name?.Split('[')[0].Trim();
            if (string.IsNullOrEmpty(name)
                || name.StartsWith("Octopus.", StringComparison.OrdinalIgnoreCase)
                || loopVariables.Contains(name.Split('.')[0])
                || names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    private static string? Keyword(string expression, string keyword) =>
        expression.StartsWith(keyword + " ", StringComparison.Ordinal) ? expression[(keyword.Length + 1)..].Trim() : null;
}
