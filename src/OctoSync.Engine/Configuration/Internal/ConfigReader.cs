using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Reads the YAML representation model strictly, collecting every error with file, line and key path
/// instead of stopping at the first. Readers of each section use it; nothing here knows the schema.
/// </summary>
internal sealed partial class ConfigReader(string filePath, Func<string, string?> environment)
{
    private readonly List<(int Line, string Text)> errors = [];

    public string FilePath { get; } = filePath;

    /// <summary>An environment variable (for defaults such as <c>OCTOPUS_URL</c>); null when not set.</summary>
    public string? Variable(string name) => environment(name);

    /// <summary>Key path → 1-based line of the key, for every key read.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    /// <summary>The errors in file order (stable for errors on the same line).</summary>
    public IReadOnlyList<string> Errors =>
        errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.i).Select(x => x.e.Text).Distinct().ToList();

    public static int LineOf(YamlNode node) => Math.Max(1, (int)node.Start.Line);

    public void Error(int line, string path, string message) =>
        errors.Add((line, path.Length == 0 ? $"{FilePath}:{line}: {message}" : $"{FilePath}:{line}: {path}: {message}"));

    public void Error(YamlNode node, string path, string message) => Error(LineOf(node), path, message);

    /// <summary>True for an absent value: <c>key:</c>, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>The node as a mapping; null (and an error when it is something else) otherwise.</summary>
    public YamlMappingNode? Mapping(YamlNode? node, string path)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node!, path, $"expected a mapping, found {Describe(node!)}");
        return null;
    }

    /// <summary>The node as a list; null (and an error when it is something else) otherwise.</summary>
    public YamlSequenceNode? Sequence(YamlNode? node, string path)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Error(node!, path, $"expected a list, found {Describe(node!)}");
        return null;
    }

    /// <summary>
    /// The entries of a mapping whose keys are fixed: an unknown key is an error suggesting the closest known one.
    /// Records the line of every key.
    /// </summary>
    public IEnumerable<Entry> Entries(YamlMappingNode map, string path, IReadOnlyCollection<string> knownKeys)
    {
        foreach (var entry in AnyEntries(map, path))
        {
            if (knownKeys.Contains(entry.Key))
            {
                yield return entry;
                continue;
            }

            var suggestion = Suggestions.Closest(entry.Key, knownKeys);
            Error(entry.Line, entry.Path, suggestion is null
                ? $"unknown key; expected one of {string.Join(", ", knownKeys)}"
                : $"unknown key; did you mean '{suggestion}'?");
        }
    }

    /// <summary>The entries of a mapping whose keys are names (environments, projects, steps).</summary>
    public IEnumerable<Entry> AnyEntries(YamlMappingNode map, string path)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Error(keyNode, path, "keys must be plain text");
                continue;
            }

            var entryPath = KeyPath.Child(path, key);
            Lines[entryPath] = LineOf(keyNode);
            yield return new Entry(key, entryPath, LineOf(keyNode), value);
        }
    }

    public static bool Has(YamlMappingNode map, string key) =>
        map.Children.Keys.Any(k => k is YamlScalarNode s && s.Value == key);

    /// <summary>Reports <paramref name="key"/> missing from <paramref name="map"/> (at the mapping's line).</summary>
    public void RequireKey(YamlMappingNode map, string path, string key)
    {
        if (!Has(map, key))
        {
            Error(map, KeyPath.Child(path, key), "required key is missing");
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a text value",
    };

    /// <summary>One key and value of a mapping, with its key path and line.</summary>
    public sealed record Entry(string Key, string Path, int Line, YamlNode Value);
}
