using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Reads <c>select:</c>. Every kind takes a list of names or globs (default <c>["*"]</c>) and an
/// <c>exclude&lt;Kind&gt;</c> list; <c>tenants</c> also takes <c>connected | all | none</c>.
/// </summary>
internal static class SelectionReader
{
    private static readonly string[] Kinds =
    [
        "projects", "libraryVariableSets", "tenants", "projectGroups", "stepTemplates", "scriptModules",
        "tagSets", "feeds", "workerPools", "accounts", "certificates",
    ];

    private static readonly string[] Keys = [.. Kinds, .. Kinds.Select(ExcludeKey)];

    public static Selection Read(ConfigReader r, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return new Selection();
        }

        var include = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var exclude = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        TenantSelectionMode? tenantMode = null;
        foreach (var e in r.Entries(map, entry.Path, Keys))
        {
            if (e.Key == "tenants" && e.Value is YamlScalarNode && !ConfigReader.IsNull(e.Value))
            {
                tenantMode = r.Choice(e.Value, e.Path, TenantModes)?.Value;
                continue;
            }

            var names = r.TextList(e.Value, e.Path);
            if (names is not null)
            {
                (Kinds.Contains(e.Key) ? include : exclude)[e.Key] = names;
            }
        }

        NameFilter Filter(string kind) => new(
            include.TryGetValue(kind, out var i) ? i : ["*"],
            exclude.TryGetValue(ExcludeKey(kind), out var x) ? x : []);

        return new Selection
        {
            Projects = Filter("projects"),
            LibraryVariableSets = Filter("libraryVariableSets"),
            Tenants = include.ContainsKey("tenants")
                ? new TenantSelection(TenantSelectionMode.Names, Filter("tenants"))
                : tenantMode switch
                {
                    TenantSelectionMode.All => TenantSelection.All with { Names = Filter("tenants") },
                    TenantSelectionMode.None => TenantSelection.None,
                    _ => TenantSelection.Connected with { Names = Filter("tenants") },
                },
            ProjectGroups = Filter("projectGroups"),
            StepTemplates = Filter("stepTemplates"),
            ScriptModules = Filter("scriptModules"),
            TagSets = Filter("tagSets"),
            Feeds = Filter("feeds"),
            WorkerPools = Filter("workerPools"),
            Accounts = Filter("accounts"),
            Certificates = Filter("certificates"),
        };
    }

    private static readonly (string, TenantSelectionMode)[] TenantModes =
        [("connected", TenantSelectionMode.Connected), ("all", TenantSelectionMode.All), ("none", TenantSelectionMode.None)];

    private static string ExcludeKey(string kind) => "exclude" + char.ToUpperInvariant(kind[0]) + kind[1..];
}
