using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads the top-level mapping of <c>octosync.yaml</c> (spec §3) into a <see cref="SyncConfiguration"/>.</summary>
internal static class ConfigurationReader
{
    private static readonly string[] Keys = ["source", "destinations", "select", "rules", "projects", "state"];

    /// <summary>The configuration, or null when an error was reported.</summary>
    public static SyncConfiguration? Read(ConfigReader r, YamlMappingNode root)
    {
        OctopusConnection? source = null;
        var destinations = new List<DestinationReader.Draft>();
        var select = new Selection();
        var rules = RulesPatch.Empty;
        var projects = new Dictionary<string, RulesPatch>(StringComparer.OrdinalIgnoreCase);
        var statePath = ".octosync/state";
        foreach (var e in r.Entries(root, string.Empty, Keys))
        {
            switch (e.Key)
            {
                case "source": source = ReadSource(r, e); break;
                case "destinations": destinations = DestinationReader.Read(r, e); break;
                case "select": select = SelectionReader.Read(r, e); break;
                case "rules": rules = RulesReader.Read(r, e.Value, e.Path); break;
                case "projects": ReadProjects(r, e, projects); break;
                case "state": statePath = ReadState(r, e) ?? statePath; break;
            }
        }

        r.RequireKey(root, string.Empty, "source");
        r.RequireKey(root, string.Empty, "destinations");

        var resolved = destinations.Select(d => (Draft: d, Resolved: RuleSetResolver.Resolve(r, rules, d.Rules, projects))).ToList();
        if (r.HasErrors || source is null)
        {
            return null;
        }

        return new SyncConfiguration
        {
            FilePath = r.FilePath,
            Source = source,
            Destinations = resolved.Select(x => new DestinationConfiguration
            {
                Name = x.Draft.Name!,
                Connection = x.Draft.Connection!,
                Environments = x.Draft.Environments,
                Rules = x.Resolved.Rules,
                References = [.. x.Draft.References, .. x.Resolved.References],
            }).ToList(),
            Select = select,
            StatePath = Path.GetFullPath(statePath, Path.GetDirectoryName(Path.GetFullPath(r.FilePath))!),
            Lines = r.Lines,
        };
    }

    private static OctopusConnection? ReadSource(ConfigReader r, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            if (ConfigReader.IsNull(entry.Value))
            {
                r.Error(entry.Line, entry.Path, "expected a mapping with url and apiKey");
            }

            return null;
        }

        var parts = new ConnectionReader.Parts();
        foreach (var e in r.Entries(map, entry.Path, ConnectionReader.Keys))
        {
            ConnectionReader.TryRead(r, e, parts);
        }

        ConnectionReader.RequireKeys(r, map, entry.Path);
        return parts.Build();
    }

    private static void ReadProjects(ConfigReader r, ConfigReader.Entry entry, Dictionary<string, RulesPatch> projects)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var project in r.AnyEntries(map, entry.Path))
        {
            if (projects.ContainsKey(project.Key))
            {
                r.Error(project.Line, project.Path, $"project '{project.Key}' is listed twice");
                continue;
            }

            var patch = RulesPatch.Empty;
            if (r.Mapping(project.Value, project.Path) is { } body)
            {
                foreach (var e in r.Entries(body, project.Path, ["rules"]))
                {
                    patch = RulesReader.Read(r, e.Value, e.Path);
                }
            }

            projects[project.Key] = patch;
        }
    }

    private static string? ReadState(ConfigReader r, ConfigReader.Entry entry)
    {
        string? path = null;
        if (r.Mapping(entry.Value, entry.Path) is { } map)
        {
            foreach (var e in r.Entries(map, entry.Path, ["path"]))
            {
                path = r.Text(e.Value, e.Path, required: true);
            }
        }

        return path;
    }
}
