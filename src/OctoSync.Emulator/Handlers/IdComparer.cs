namespace OctoSync.Emulator.Handlers;

/// <summary>Orders `Projects-2` before `Projects-10` (prefix, then the number).</summary>
internal sealed class IdComparer : IComparer<string?>
{
    public static IdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (px, nx) = Split(x ?? "");
        var (py, ny) = Split(y ?? "");
        var byPrefix = string.Compare(px, py, StringComparison.OrdinalIgnoreCase);
        return byPrefix != 0 ? byPrefix : nx.CompareTo(ny);
    }

    private static (string Prefix, long Number) Split(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash > 0 && long.TryParse(id.AsSpan(dash + 1), out var n) ? (id[..dash], n) : (id, 0);
    }
}
