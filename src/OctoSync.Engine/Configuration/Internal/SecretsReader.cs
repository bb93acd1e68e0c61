using System.Globalization;
using OctoSync.Engine.Secrets;
using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Reads a destination's <c>secrets:</c> list (docs/secrets.md). Each entry names a sensitive variable value
/// (<c>variable: Project/Name</c>, optional <c>scope:</c> in destination names) and its <c>value:</c> source. The source
/// is kept as written — <c>${NAME}</c> here is not expanded at load time: it is resolved, with the others, once the
/// instances have been read, and its text is what plans show.
/// </summary>
internal static class SecretsReader
{
    private static readonly string[] Keys = ["variable", "scope", "value", "account", "certificate", "feed", "fields"];

    public static void Read(ConfigReader r, ConfigReader.Entry entry, DestinationReader.Draft draft)
    {
        if (r.Sequence(entry.Value, entry.Path) is not { } list)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = KeyPath.Item(entry.Path, i.ToString(CultureInfo.InvariantCulture));
            if (r.Mapping(list.Children[i], path) is not { } map)
            {
                if (ConfigReader.IsNull(list.Children[i]))
                {
                    r.Error(list.Children[i], path, "expected a mapping with variable and value");
                }

                continue;
            }

            if (ReadOne(r, map, path, draft) is not { } mapping)
            {
                continue;
            }

            if (!seen.TryAdd(mapping.Target, mapping.Line))
            {
                r.Error(mapping.Line, path, $"{mapping.Target} already has a secret (line {seen[mapping.Target]})");
                continue;
            }

            draft.Secrets.Add(mapping);
        }
    }

    private static SecretMapping? ReadOne(ConfigReader r, YamlMappingNode map, string path, DestinationReader.Draft draft)
    {
        string? owner = null, name = null;
        SecretSource? source = null;
        var scope = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var ok = true;
        foreach (var e in r.Entries(map, path, Keys))
        {
            switch (e.Key)
            {
                case "variable":
                    if (r.Text(e.Value, e.Path, required: true) is { } text)
                    {
                        var slash = text.IndexOf('/', StringComparison.Ordinal);
                        if (slash <= 0 || slash == text.Length - 1)
                        {
                            r.Error(e.Line, e.Path, $"'{text}' is not Project/Name (a project or library variable set, a slash, the variable name)");
                            ok = false;
                        }
                        else
                        {
                            owner = text[..slash].Trim();
                            name = text[(slash + 1)..].Trim();
                        }
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case "scope":
                    ok &= ReadScope(r, e, scope, draft);
                    break;
                case "value":
                    source = ReadSource(r, e);
                    ok &= source is not null;
                    break;
                default:
                    // Honest about the scope of this version: only variable values are delivered so far.
                    r.Error(e.Line, e.Path, $"'{e.Key}' secrets are not supported yet; only 'variable:' entries are (docs/secrets.md)");
                    ok = false;
                    break;
            }
        }

        r.RequireKey(map, path, "variable");
        r.RequireKey(map, path, "value");
        return ok && owner is not null && name is not null && source is not null
            ? new SecretMapping { Owner = owner, Name = name, Scope = scope, Source = source, KeyPath = path, Line = ConfigReader.LineOf(map) }
            : null;
    }

    private static SecretSource? ReadSource(ConfigReader r, ConfigReader.Entry e)
    {
        if (e.Value is not YamlScalarNode scalar || ConfigReader.IsNull(e.Value))
        {
            r.Error(e.Line, e.Path, "expected ${NAME}, file:PATH or command:PROGRAM ARGS");
            return null;
        }

        var source = SecretSource.Parse(scalar.Value ?? "", out var error);
        if (source is null)
        {
            r.Error(e.Line, e.Path, error!);
        }

        return source;
    }

    private static bool ReadScope(ConfigReader r, ConfigReader.Entry entry, Dictionary<string, IReadOnlyList<string>> scope, DestinationReader.Draft draft)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return false;
        }

        var ok = true;
        var dimensions = Enum.GetNames<ScopeDimension>();
        foreach (var e in r.Entries(map, entry.Path, dimensions))
        {
            if (r.TextList(e.Value, e.Path) is not { Count: > 0 } names)
            {
                r.Error(e.Line, e.Path, "expected one or more destination names");
                ok = false;
                continue;
            }

            scope[e.Key] = names;
            if (e.Key == nameof(ScopeDimension.Environment))
            {
                draft.References.AddRange(names.Select(n => new ConfigurationReference(ConfigurationReferenceKind.DestinationEnvironment, n, e.Path, e.Line)));
            }
        }

        return ok;
    }
}
