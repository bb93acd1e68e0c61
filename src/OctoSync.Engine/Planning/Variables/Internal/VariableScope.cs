using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// The <c>Scope</c> of one variable value: dimension name (as Octopus spells it, e.g. <c>Environment</c>) → items.
/// Immutable; dimensions with no items are absent, as Octopus treats a missing key as "unscoped on that dimension".
/// </summary>
internal sealed class VariableScope
{
    public static readonly VariableScope Empty = new(new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    private readonly SortedDictionary<string, IReadOnlyList<string>> _dimensions;

    private VariableScope(SortedDictionary<string, IReadOnlyList<string>> dimensions) => _dimensions = dimensions;

    /// <summary>Dimensions in ordinal order of their names, so every walk over a scope is deterministic.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Dimensions => _dimensions;

    public bool IsEmpty => _dimensions.Count == 0;

    public IReadOnlyList<string> Get(string dimension) => _dimensions.TryGetValue(dimension, out var items) ? items : [];

    public static VariableScope Parse(JsonObject? scope)
    {
        var dimensions = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, _) in scope ?? [])
        {
            var items = scope!.Strings(key);
            if (items.Count > 0)
            {
                dimensions[key] = items;
            }
        }

        return new VariableScope(dimensions);
    }

    /// <summary>A copy with <paramref name="dimension"/> set to <paramref name="items"/> (no items removes the dimension).</summary>
    public VariableScope With(string dimension, IReadOnlyList<string> items)
    {
        var copy = new SortedDictionary<string, IReadOnlyList<string>>(_dimensions, StringComparer.Ordinal);
        if (items.Count == 0)
        {
            copy.Remove(dimension);
        }
        else
        {
            copy[dimension] = items;
        }

        return new VariableScope(copy);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, items) in _dimensions)
        {
            json[key] = items.ToJsonArray();
        }

        return json;
    }
}
