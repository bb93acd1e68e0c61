namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Splits ids into <c>ids=</c> batches: at most <see cref="MaxIdsPerRequest"/> ids, and a query short enough that
/// the whole URL stays under <see cref="MaxUrlLength"/> characters (proxies and IIS reject longer ones).
/// </summary>
internal static class IdBatches
{
    public const int MaxIdsPerRequest = 50;
    public const int MaxUrlLength = 2000;

    /// <summary>Distinct ids (case-insensitive, first spelling kept), escaped, in batches.</summary>
    /// <param name="roomForIds">Characters the comma-separated, escaped ids of one batch may take.</param>
    public static List<List<string>> Split(IEnumerable<string> ids, int roomForIds, int maxIdsPerRequest = MaxIdsPerRequest)
    {
        var batches = new List<List<string>>();
        var current = new List<string>();
        var length = 0;
        foreach (var id in ids.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var escaped = Uri.EscapeDataString(id);
            var added = escaped.Length + (current.Count > 0 ? 1 : 0);
            if (current.Count > 0 && (current.Count >= maxIdsPerRequest || length + added > roomForIds))
            {
                batches.Add(current);
                current = [];
                added = escaped.Length;
                length = 0;
            }

            current.Add(escaped);
            length += added;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}
