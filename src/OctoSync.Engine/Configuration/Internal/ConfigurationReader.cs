using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads the top-level mapping of <c>octosync.yaml</c> (spec §3) into a <see cref="SyncConfiguration"/>.</summary>
internal static class ConfigurationReader
{
    private static readonly string[] Keys = ["source", "destinations", "select", "rules", "projects", "state", "timeout"];

    /// <summary>The configuration, or null when an error was reported.</summary>
    public static SyncConfiguration? Read(ConfigReader r, YamlMappingNode root)
    {
        OctopusConnection? source = null;
        var destinations = new List<DestinationReader.Draft>();
        var select = new Selection();
        var rules = RulesPatch.Empty;
        var projects = new Dictionary<string, RulesPatch>(StringComparer.OrdinalIgnoreCase);
        var statePath = ".octosync/state";
        TimeSpan? timeout = null;
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
                case "timeout": timeout = ReadTimeout(r, e); break;
            }
        }

        if (!ConfigReader.Has(root, "source"))
        {
            // No source key: OCTOPUS_URL, OCTOPUS_API_KEY and OCTOPUS_SPACE are the source.
            source = SourceDefaults.FromEnvironment(r, root).Build();
        }

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
                Secrets = x.Draft.Secrets,
            }).ToList(),
            Select = select,
            StatePath = Path.GetFullPath(statePath, Path.GetDirectoryName(Path.GetFullPath(r.FilePath))!),
            Lines = r.Lines,
            Timeout = timeout,
            Warnings = r.Warnings,
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

        SourceDefaults.Fill(r, parts, map, map, entry.Path);
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

    /// <summary><c>timeout</c>: whole seconds, 1 to 3600 (bounds connecting and each request, spec-free: issue #9).</summary>
    private static TimeSpan? ReadTimeout(ConfigReader r, ConfigReader.Entry entry)
    {
        if (r.Text(entry.Value, entry.Path, required: true) is not { } text)
        {
            return null;
        }

        var seconds = text.EndsWith('s') ? text[..^1] : text;
        if (int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3600)
        {
            return TimeSpan.FromSeconds(n);
        }

        r.Error(entry.Value, entry.Path, $"'{text}' is not a number of seconds from 1 to 3600 (e.g. 30 or 30s)");
        return null;
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
