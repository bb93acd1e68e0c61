namespace OctoSync.Emulator;

/// <summary>
/// One Octopus Server version the emulator can be: the routes it serves, the shapes it returns and its defaults.
/// Each difference names its source in docs/emulator.md ("Server profiles").
/// </summary>
public sealed record ServerProfile
{
    private ServerProfile(string name, string version)
    {
        Name = name;
        Version = version;
    }

    /// <summary>The Swagger held in shared/reference (octopus-swagger-2021.2.4488.json).</summary>
    public static ServerProfile V2021_2 { get; } = new("2021.2", "2021.2.4488")
    {
        ProjectVariablesRoute = false,
        SlugsBeyondProjects = false,
        RunbookProcessesIdsFilter = false,
        TenantVariablesV2 = false,
        TenantIsDisabled = false,
    };

    /// <summary>
    /// A 2024.3 server: the 2022+ routes, slugs on every named resource; tenant variables only through the legacy route
    /// (v2 reached self-hosted servers in 2025.2: docs/emulator.md "Server profiles"). Its build number is a real
    /// released 2024.3 build (2024.3.12985, named by a user running it in OctopusDeploy/Issues#9546, 2025-08-06).
    /// </summary>
    public static ServerProfile V2024_3 { get; } = new("2024.3", "2024.3.12985") { TenantVariablesV2 = false };

    /// <summary>
    /// 2026.3: as 2024.3 plus tenant variables v2 and scoped tag sets, and a fresh install has its rate limit on (200
    /// requests a minute per user).
    /// </summary>
    public static ServerProfile V2026_3 { get; } = new("2026.3", "2026.3.0") { DefaultRateLimitPerMinute = 200, ScopedTagSets = true };

    public static IReadOnlyList<ServerProfile> All { get; } = [V2021_2, V2024_3, V2026_3];

    /// <summary>2024.3: it keeps the existing tests' intent (the 2022+ project routes they use) with no rate limit.</summary>
    public static ServerProfile Default => V2024_3;

    /// <summary>`2021.2`, `2024.3` or `2026.3`.</summary>
    public string Name { get; }

    /// <summary>What `GET /api` reports as `Version`: real builds for 2021.2 and 2024.3; 2026.3.0 (no public build found).</summary>
    public string Version { get; }

    /// <summary>`GET|PUT /projects/{id}/variables` (2022+, notes §2.10; absent from the 2021.2 Swagger).</summary>
    public bool ProjectVariablesRoute { get; private init; } = true;

    /// <summary>
    /// `Slug` on environments, lifecycles, channels, tenants, runbooks, feeds, worker pools, spaces, accounts, machines,
    /// steps and actions, and lookup by slug there (notes §2.5, §2.10); the 2021.2 Swagger has Slug on projects only.
    /// </summary>
    public bool SlugsBeyondProjects { get; private init; } = true;

    /// <summary>`ids=` on `runbookProcesses` (the 2021.2 Swagger lists only skip/take; a server ignores what it lacks).</summary>
    public bool RunbookProcessesIdsFilter { get; private init; } = true;

    /// <summary>
    /// `/tenants/{id}/commonvariables` and `/projectvariables` (notes §2.10, §3.12 say 2023–2024; the clients gained them
    /// from 2024-10 (OctopusClients #884) and self-hosted servers from 2025.2 (octopus.com/blog/scoped-tenant-variables,
    /// OctopusDeploy/Issues#9414 released in 2025.2.11370)).
    /// </summary>
    public bool TenantVariablesV2 { get; private init; } = true;

    /// <summary>Tenant `IsDisabled` (2024+ generated API docs, notes §3.12; absent from the 2021.2 Swagger).</summary>
    public bool TenantIsDisabled { get; private init; } = true;

    /// <summary>
    /// 2025–2026 tag shapes (notes §2.10): TagSet `Scopes` (default `["Tenant"]`), `Type` (default `MultiSelect`),
    /// `IsSystem` (false), and `EnvironmentTags`/`ProjectTags`/`RunbookTags` (default `[]`) — OctopusClients
    /// TagSetResource fd18fb2f (2025-09) and 18dbfe48 (2026-02), EnvironmentResource 3cfc10c1 (2025-09),
    /// ProjectResource 1965efd8 (2025-10), RunbookResource 550ae87d (2026-01); go-octopusdeploy tagsets af68fe6f.
    /// </summary>
    public bool ScopedTagSets { get; private init; }

    /// <summary>Requests a minute a fresh install allows (0 = off); anchors-notes §9, OctopusDeploy/Issues#10155.</summary>
    public int DefaultRateLimitPerMinute { get; private init; }

    /// <summary>Finds a profile by `2024.3` or a full version such as `2024.3.0`; null when none matches.</summary>
    public static ServerProfile? Find(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        var v = version.Trim();
        return All.FirstOrDefault(p => v == p.Name || v == p.Version || v.StartsWith(p.Name + ".", StringComparison.Ordinal));
    }

    /// <exception cref="ArgumentException">No profile has that version.</exception>
    public static ServerProfile Parse(string version) =>
        Find(version) ?? throw new ArgumentException(
            $"Unknown server version '{version}': the emulator models {string.Join(", ", All.Select(p => p.Name))}.", nameof(version));

    public override string ToString() => Name;
}
