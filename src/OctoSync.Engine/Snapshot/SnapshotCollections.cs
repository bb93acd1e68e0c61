namespace OctoSync.Engine.Snapshot;

/// <summary>
/// The collections a snapshot reads whole with <c>GET /api/{spaceId}/{collection}/all</c> (relative names) or
/// <c>GET {path}/all</c> (absolute, system-level ones).
/// </summary>
public static class SnapshotCollections
{
    public const string Environments = "environments";
    public const string Lifecycles = "lifecycles";
    public const string ProjectGroups = "projectgroups";
    public const string Projects = "projects";
    public const string Channels = "channels";
    public const string Runbooks = "runbooks";
    public const string LibraryVariableSets = "libraryvariablesets";
    public const string Tenants = "tenants";
    public const string TagSets = "tagsets";
    public const string Accounts = "accounts";
    public const string Certificates = "certificates";
    public const string WorkerPools = "workerpools";
    public const string Feeds = "feeds";
    public const string ActionTemplates = "actiontemplates";
    public const string MachinePolicies = "machinepolicies";
    public const string Machines = "machines";

    /// <summary>Tenant variables (<c>tenantvariables/all</c>), read through <see cref="Api.IOctopusSpaceClient.GetAllTenantVariablesAsync"/>.</summary>
    public const string TenantVariables = "tenantvariables";

    /// <summary>
    /// Teams are system-level (<c>/api/teams/all</c>: system teams and the teams of every space); the reader keeps
    /// the system teams and this space's. Manual intervention steps name responsible teams by id.
    /// </summary>
    public const string Teams = "/api/teams";

    /// <summary>Every collection above, in the order of <see cref="Model.SpaceSnapshot"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Environments, Lifecycles, ProjectGroups, Projects, Channels, Runbooks, LibraryVariableSets, Tenants, TagSets,
        Accounts, Certificates, WorkerPools, Feeds, ActionTemplates, MachinePolicies, Machines, Teams, TenantVariables,
    ];
}
