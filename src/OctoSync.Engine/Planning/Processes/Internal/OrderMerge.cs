namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Merges two orders (spec §5.4): the source's items in source order, plus destination items OctoSync keeps,
/// each placed right after the item that preceded it on the destination (at the start if none did).
/// Used for steps of a process and actions of a step.
/// </summary>
internal static class OrderMerge
{
    /// <param name="planned">Items in source order, by name.</param>
    /// <param name="destinationOrder">Names of the destination's items, in destination order.</param>
    /// <param name="kept">Destination items to keep that <paramref name="planned"/> does not contain, by name.</param>
    public static List<T> Merge<T>(IReadOnlyList<(string Name, T Item)> planned, IEnumerable<string> destinationOrder, IReadOnlyDictionary<string, T> kept)
    {
        var result = planned.ToList();
        string? anchor = null;
        foreach (var name in destinationOrder)
        {
            if (kept.TryGetValue(name, out var item))
            {
                var at = anchor is null ? 0 : IndexOf(result, anchor) + 1;
                result.Insert(at, (name, item));
                anchor = name;
            }
            else if (IndexOf(result, name) >= 0)
            {
                anchor = name;
            }
        }

        return result.Select(r => r.Item).ToList();
    }

    private static int IndexOf<T>(List<(string Name, T Item)> items, string name) =>
        items.FindIndex(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}
