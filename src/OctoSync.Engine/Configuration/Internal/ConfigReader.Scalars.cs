using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Scalar values: text with <c>${VAR}</c>, booleans, enums, lists and maps of names.</summary>
internal sealed partial class ConfigReader
{
    /// <summary>
    /// The text of a scalar with <c>${VAR}</c> expanded; null when absent, not text, or a variable is unset
    /// (each reported). Messages quote the text as written, never the expanded value.
    /// </summary>
    public string? Text(YamlNode? node, string path, bool required = false)
    {
        if (IsNull(node))
        {
            if (required && node is not null)
            {
                Error(node, path, "a value is required");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node!, path, $"expected a text value, found {Describe(node!)}");
            return null;
        }

        var unset = new List<string>();
        var text = VariableExpander.Expand(scalar.Value ?? string.Empty, environment, unset);
        foreach (var name in unset.Distinct())
        {
            Error(node!, path, $"environment variable '{name}' is not set");
        }

        if (unset.Count > 0)
        {
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Error(node!, path, scalar.Value != text ? $"'{scalar.Value}' is empty" : "a value is required");
            return null;
        }

        return text;
    }

    public bool? Bool(YamlNode? node, string path) =>
        Choice(node, path, [("true", true), ("false", false)]) is { } b ? b.Value : null;

    public T? Enum<T>(YamlNode? node, string path)
        where T : struct, System.Enum =>
        Choice(node, path, EnumText.Values<T>()) is { } v ? v.Value : null;

    /// <summary>One of a closed set of values (case-insensitive); an error lists the allowed ones.</summary>
    public Box<T>? Choice<T>(YamlNode? node, string path, IReadOnlyList<(string Text, T Value)> allowed)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in allowed)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return new Box<T>(value);
            }
        }

        var written = ((YamlScalarNode)node!).Value;
        Error(node!, path, $"'{written}' is not one of {string.Join(", ", allowed.Select(a => a.Text))}");
        return null;
    }

    /// <summary>A list of names; a single text value counts as a list of one.</summary>
    public IReadOnlyList<string>? TextList(YamlNode? node, string path)
    {
        if (node is YamlScalarNode && !IsNull(node))
        {
            return Text(node, path, required: true) is { } single ? [single] : null;
        }

        var seq = Sequence(node, path);
        if (seq is null)
        {
            return IsNull(node) ? [] : null;
        }

        var items = new List<string>();
        var i = 0;
        foreach (var item in seq.Children)
        {
            if (Text(item, KeyPath.Item(path, i++.ToString(System.Globalization.CultureInfo.InvariantCulture)), required: true) is { } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    /// <summary>A value that may be absent, distinguishing "absent" from a default value type.</summary>
    public sealed record Box<T>(T Value);
}
