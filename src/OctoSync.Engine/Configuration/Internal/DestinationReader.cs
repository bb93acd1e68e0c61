using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads <c>destinations:</c>: a non-empty list of uniquely named destinations.</summary>
internal static class DestinationReader
{
    private static readonly string[] Keys = ["name", "url", "apiKey", "space", "requestsPerMinute", "environments", "rules", "secrets"];

    public static List<Draft> Read(ConfigReader r, ConfigReader.Entry entry)
    {
        var drafts = new List<Draft>();
        if (r.Sequence(entry.Value, entry.Path) is not { } list)
        {
            if (ConfigReader.IsNull(entry.Value))
            {
                r.Error(entry.Line, entry.Path, "at least one destination is required");
            }

            return drafts;
        }

        if (list.Children.Count == 0)
        {
            r.Error(entry.Line, entry.Path, "at least one destination is required");
        }

        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            if (r.Mapping(list.Children[i], KeyPath.Item(entry.Path, index)) is not { } map)
            {
                if (ConfigReader.IsNull(list.Children[i]))
                {
                    r.Error(list.Children[i], KeyPath.Item(entry.Path, index), "expected a mapping with name, url and apiKey");
                }

                continue;
            }

            var draft = ReadOne(r, map, entry.Path, index);
            if (draft.Name is { } name && !firstLine.TryAdd(name, draft.Line))
            {
                r.Error(draft.Line, KeyPath.Child(draft.Path, "name"), $"duplicate destination name '{name}' (first at line {firstLine[name]})");
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    private static Draft ReadOne(ConfigReader r, YamlMappingNode map, string listPath, string index)
    {
        // The name labels the destination in every other key path, so it is read first.
        var nameNode = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "name" });
        var name = nameNode.Value is null ? null : r.Text(nameNode.Value, KeyPath.Child(KeyPath.Item(listPath, index), "name"), required: true);
        var path = KeyPath.Item(listPath, name ?? index);
        var draft = new Draft(path, nameNode.Key is null ? ConfigReader.LineOf(map) : ConfigReader.LineOf(nameNode.Key)) { Name = name };
        var connection = new ConnectionReader.Parts();
        foreach (var e in r.Entries(map, path, Keys))
        {
            if (e.Key == "environments")
            {
                ReadEnvironments(r, e, draft);
            }
            else if (e.Key == "secrets")
            {
                SecretsReader.Read(r, e, draft);
            }
            else if (e.Key == "rules")
            {
                draft.Rules = RulesReader.Read(r, e.Value, e.Path);
            }
            else if (e.Key != "name")
            {
                ConnectionReader.TryRead(r, e, connection);
            }
        }

        r.RequireKey(map, path, "name");
        ConnectionReader.RequireKeys(r, map, path);
        draft.Connection = connection.Build();
        return draft;
    }

    private static void ReadEnvironments(ConfigReader r, ConfigReader.Entry entry, Draft draft)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var e in r.AnyEntries(map, entry.Path))
        {
            if (r.Text(e.Value, e.Path, required: true) is not { } target)
            {
                continue;
            }

            if (!draft.Environments.TryAdd(e.Key, target))
            {
                r.Error(e.Line, e.Path, $"source environment '{e.Key}' is mapped twice");
                continue;
            }

            draft.References.Add(new(ConfigurationReferenceKind.SourceEnvironment, e.Key, e.Path, e.Line));
            draft.References.Add(new(ConfigurationReferenceKind.DestinationEnvironment, target, e.Path, e.Line));
        }
    }

    /// <summary>One destination as read, before its rules are merged with the top-level ones.</summary>
    internal sealed class Draft(string path, int line)
    {
        public string Path { get; } = path;
        public int Line { get; } = line;
        public string? Name { get; init; }
        public OctopusConnection? Connection { get; set; }
        public Dictionary<string, string> Environments { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<ConfigurationReference> References { get; } = [];
        public RulesPatch Rules { get; set; } = RulesPatch.Empty;
        public List<Secrets.SecretMapping> Secrets { get; } = [];
    }
}
