namespace OctoSync.Engine.Configuration;

/// <summary>"Did you mean" for misspelled keys, names and command-line options: the closest candidate by edit distance.</summary>
public static class Suggestions
{
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        // Allow roughly one typo per three characters, at least two: 'scopeMatchh', 'lifecycle', 'Stagging'.
        // A prefix also counts ('Tenant' → 'TenantTag').
        var limit = Math.Max(2, text.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Distance: text.Length >= 3 && c.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                ? 1
                : Distance(text.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
