namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// One <c>rules:</c> mapping as read: the keys it names, as edits on top of the rules below it, and where
/// each was written. Merging top-level → destination → project is applying the patches in that order, so a
/// partial override only changes the keys it names.
/// </summary>
internal sealed class RulesPatch
{
    private readonly List<Func<SyncRules, SyncRules>> edits = [];
    private readonly List<(string RulePath, Origin Origin)> origins = [];

    /// <param name="basePath">Key path of the <c>rules</c> mapping (<c>rules</c>, <c>destinations[prod].rules</c>, ...).</param>
    public RulesPatch(string basePath) => BasePath = basePath;

    public static RulesPatch Empty { get; } = new("rules");

    public string BasePath { get; }

    /// <summary>Records that the key <paramref name="entry"/> sets something.</summary>
    public void Set(ConfigReader.Entry entry, Func<SyncRules, SyncRules> edit)
    {
        edits.Add(edit);
        origins.Add((RelativePath(entry.Path), new Origin(entry.Path, entry.Line)));
    }

    /// <summary>The key path relative to <c>rules</c>: the same for top-level, destination and project rules.</summary>
    public string RelativePath(string keyPath) => keyPath[(BasePath.Length + 1)..];

    /// <summary>The rules after applying <paramref name="patches"/> in order to the defaults, and where each key came from.</summary>
    public static ResolvedRules Resolve(params RulesPatch[] patches)
    {
        var rules = new SyncRules();
        var where = new Dictionary<string, Origin>(StringComparer.OrdinalIgnoreCase);
        foreach (var patch in patches)
        {
            rules = patch.edits.Aggregate(rules, (r, edit) => edit(r));
            foreach (var (rulePath, origin) in patch.origins)
            {
                where[rulePath] = origin;
            }
        }

        return new ResolvedRules(rules, where);
    }

    /// <summary>Where a key was written.</summary>
    public sealed record Origin(string KeyPath, int Line);

    /// <summary>Merged rules and the origin of every key that is not a default.</summary>
    public sealed record ResolvedRules(SyncRules Rules, IReadOnlyDictionary<string, Origin> Origins);
}
