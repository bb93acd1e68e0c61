using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Translation;

/// <summary>
/// Equality of (kind, key) pairs with the key compared ignoring case, as Octopus compares names. One comparer for
/// the index and the translator, so that a key found in one is always found in the other.
/// </summary>
internal sealed class KindKeyComparer : IEqualityComparer<(ResourceKind, string)>
{
    public static readonly KindKeyComparer Instance = new();

    public bool Equals((ResourceKind, string) x, (ResourceKind, string) y) =>
        x.Item1 == y.Item1 && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((ResourceKind, string) obj) =>
        HashCode.Combine(obj.Item1, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
}
