using System.Text.Json.Nodes;

namespace OctoSync.Engine.Model;

/// <summary>
/// Everything OctoSync read from one Octopus space, as the JSON documents the API returned.
/// Documents are kept whole (<see cref="JsonObject"/>) so that fields OctoSync does not model survive
/// a read-modify-write round trip. A snapshot is never mutated after reading: planners clone what they change.
/// </summary>
public sealed record SpaceSnapshot
{
    public required string SpaceId { get; init; }
    public required string SpaceName { get; init; }
    /// <summary>The server's version (<c>/api</c> <c>Version</c>), null when the client did not read it.</summary>
    public string? ServerVersion { get; init; }

    public IReadOnlyList<JsonObject> Environments { get; init; } = [];
    public IReadOnlyList<JsonObject> Lifecycles { get; init; } = [];
    public IReadOnlyList<JsonObject> ProjectGroups { get; init; } = [];
    public IReadOnlyList<JsonObject> Projects { get; init; } = [];
    public IReadOnlyList<JsonObject> Channels { get; init; } = [];
    public IReadOnlyList<JsonObject> Runbooks { get; init; } = [];
    /// <summary>Both content types: <c>Variables</c> and <c>ScriptModule</c>.</summary>
    public IReadOnlyList<JsonObject> LibraryVariableSets { get; init; } = [];
    public IReadOnlyList<JsonObject> Tenants { get; init; } = [];
    public IReadOnlyList<JsonObject> TagSets { get; init; } = [];
    public IReadOnlyList<JsonObject> Accounts { get; init; } = [];
    public IReadOnlyList<JsonObject> Certificates { get; init; } = [];
    public IReadOnlyList<JsonObject> WorkerPools { get; init; } = [];
    public IReadOnlyList<JsonObject> Feeds { get; init; } = [];
    public IReadOnlyList<JsonObject> ActionTemplates { get; init; } = [];
    public IReadOnlyList<JsonObject> MachinePolicies { get; init; } = [];
    public IReadOnlyList<JsonObject> Machines { get; init; } = [];
    public IReadOnlyList<JsonObject> Teams { get; init; } = [];

    /// <summary>Deployment processes of database (not config-as-code) projects, keyed by process id (case-insensitive).</summary>
    public IReadOnlyDictionary<string, JsonObject> DeploymentProcesses { get; init; } = EmptyById();

    /// <summary>Runbook processes keyed by process id (case-insensitive).</summary>
    public IReadOnlyDictionary<string, JsonObject> RunbookProcesses { get; init; } = EmptyById();

    /// <summary>Variable sets of projects and library variable sets, keyed by variable set id (case-insensitive).</summary>
    public IReadOnlyDictionary<string, JsonObject> VariableSets { get; init; } = EmptyById();

    /// <summary>Tenant variables documents (<c>{TenantId, LibraryVariables, ProjectVariables}</c>, API notes §3.12), keyed by tenant id.</summary>
    public IReadOnlyDictionary<string, JsonObject> TenantVariables { get; init; } = EmptyById();

    /// <summary>
    /// By tenant id: the tenant's common values through tenant variables v2 (<c>commonvariables</c>), read only on a
    /// server that has it (2025.2+) and only for tenants with library variable set templates. Where present they replace
    /// the legacy document's <c>LibraryVariables</c>: only v2 carries common values scoped to environments.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject> TenantCommonVariables { get; init; } = EmptyById();

    private static Dictionary<string, JsonObject> EmptyById() => new(StringComparer.OrdinalIgnoreCase);
}
