namespace OctoSync.Engine.Model;

/// <summary>
/// One string instance per distinct text within one read (an answer parsed by <c>CompactJsonParser</c>, a state file
/// read by <c>SharedStrings</c>): names, ids, scopes and fingerprints repeat thousands of times (issue #10).
/// </summary>
internal static class StringPool
{
    /// <summary>The pool's string with this text, added to the pool when it is not there yet.</summary>
    public static string Share(Dictionary<string, string> pool, ReadOnlySpan<char> text)
    {
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        pool.Add(created, created);
        return created;
    }
}
