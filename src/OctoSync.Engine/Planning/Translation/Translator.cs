using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Translation;

/// <summary>
/// Rewrites source ids into destination ids: source id → portable key → (mapped key) → destination id.
/// The planner teaches it, in dependency order, what the plan decides: explicit mappings
/// (environments, lifecycleMap), exclusions (excluded environments, skipped channels and steps) and
/// creations (which translate to a <see cref="ReferenceToken"/> until the applier knows the real id).
/// Later planners (variables, tenants) then translate through everything decided before them.
/// Not thread-safe; one per destination plan.
/// </summary>
public sealed class Translator
{
    private readonly Dictionary<(ResourceKind, string), string> _mapped = new(KindKeyComparer.Instance);
    private readonly HashSet<(ResourceKind, string)> _excluded = new(KindKeyComparer.Instance);
    private readonly Dictionary<(ResourceKind, string), string> _planned = new(KindKeyComparer.Instance);
    private readonly Dictionary<string, (ResourceKind Kind, string Key)> _tokens = new(StringComparer.Ordinal);

    public Translator(NameIndex source, NameIndex destination)
    {
        Source = source;
        Destination = destination;
    }

    public NameIndex Source { get; }
    public NameIndex Destination { get; }

    /// <summary>The source object with this key is known on the destination under another key (e.g. Test → Staging).</summary>
    public void Map(ResourceKind kind, string sourceKey, string destinationKey) => _mapped[(kind, sourceKey)] = destinationKey;

    /// <summary>The source object with this key does not reach the destination: references to it translate to null.</summary>
    public void Exclude(ResourceKind kind, string sourceKey) => _excluded.Add((kind, sourceKey));

    public bool IsExcluded(ResourceKind kind, string sourceKey) => _excluded.Contains((kind, sourceKey));

    /// <summary>The plan creates this object on the destination; returns the token that stands for its id.</summary>
    public string PlanCreate(ResourceKind kind, string destinationKey)
    {
        if (!_planned.TryGetValue((kind, destinationKey), out var token))
        {
            token = ReferenceToken.For(kind, destinationKey);
            _planned[(kind, destinationKey)] = token;
            _tokens[token] = (kind, destinationKey);
        }

        return token;
    }

    /// <summary>Destination key of a source key: the explicit mapping if any, else the same key.</summary>
    public string DestinationKeyFor(ResourceKind kind, string sourceKey) =>
        _mapped.TryGetValue((kind, sourceKey), out var mapped) ? mapped : sourceKey;

    /// <summary>
    /// Destination id (or token) of a source key, or null when excluded or not on the destination and not planned.
    /// </summary>
    public string? TranslateKey(ResourceKind kind, string sourceKey)
    {
        if (_excluded.Contains((kind, sourceKey)))
        {
            return null;
        }

        var destinationKey = DestinationKeyFor(kind, sourceKey);
        return Destination.IdOf(kind, destinationKey)
            ?? (_planned.TryGetValue((kind, destinationKey), out var token) ? token : null);
    }

    /// <summary>Destination id (or token) for a source id of the given kind; null when it does not reach the destination.</summary>
    public string? Translate(ResourceKind kind, string sourceId) =>
        Source.TryGetKey(sourceId, out var k, out var key) && k == kind ? TranslateKey(kind, key) : null;

    /// <summary>Destination id (or token) for a source id of any kind (ids are unique across kinds in a space).</summary>
    public string? Translate(string sourceId) =>
        Source.TryGetKey(sourceId, out var kind, out var key) ? TranslateKey(kind, key) : null;

    /// <summary>Translates each id; drops those that do not reach the destination.</summary>
    public List<string> TranslateAll(ResourceKind kind, IEnumerable<string> sourceIds) =>
        sourceIds.Select(id => Translate(kind, id)).Where(id => id is not null).Select(id => id!).ToList();

    /// <summary>The portable key of a destination id or of a token this translator issued.</summary>
    public string? DestinationKeyOf(string destinationIdOrToken) =>
        _tokens.TryGetValue(destinationIdOrToken, out var t) ? t.Key : Destination.KeyOf(destinationIdOrToken);

    public string? SourceKeyOf(string sourceId) => Source.KeyOf(sourceId);
}
