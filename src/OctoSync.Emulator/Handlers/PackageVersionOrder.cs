namespace OctoSync.Emulator.Handlers;

/// <summary>
/// Orders package versions as SemVer does: numeric parts by number (`1.10.0` after `1.9.0`), a release after its
/// pre-releases (`1.0.0` after `1.0.0-beta`), pre-release labels by text.
/// </summary>
internal sealed class PackageVersionOrder : IComparer<string?>
{
    public static PackageVersionOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xCore, xPre) = Split(x ?? "");
        var (yCore, yPre) = Split(y ?? "");
        for (var i = 0; i < Math.Max(xCore.Length, yCore.Length); i++)
        {
            var a = i < xCore.Length ? xCore[i] : 0;
            var b = i < yCore.Length ? yCore[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return (xPre, yPre) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.Compare(xPre, yPre, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static (long[] Core, string? PreRelease) Split(string version)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? version : version[..dash];
        var numbers = core.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToArray();
        return (numbers, dash < 0 ? null : version[(dash + 1)..]);
    }
}
