using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Snapshot.Internal;

namespace OctoSync.Engine.Snapshot;

/// <summary>
/// Reads a whole space into a <see cref="SpaceSnapshot"/> with the fewest requests: one <c>/all</c> per collection,
/// then deployment processes, runbook processes and variable sets by <c>ids=</c> batches of 50. The number of
/// requests grows with the number of batches only, never with one request per project. Requests that do not
/// depend on each other are started together; the client bounds how many run at once.
/// </summary>
public static class SnapshotReader
{
    /// <summary>The three steps after the collections: deployment processes, runbook processes, variable sets.</summary>
    private const int BatchSteps = 3;

    /// <summary>Reads every collection, process and variable set of the client's space.</summary>
    /// <exception cref="OctopusApiException">A request failed (after the client's retries).</exception>
    public static async Task<SpaceSnapshot> ReadAsync(IOctopusSpaceClient client, IProgress<ReadProgress>? progress = null, CancellationToken ct = default)
    {
        using var tracker = new ProgressTracker(progress, SnapshotCollections.All.Count + BatchSteps, ct);
        ct = tracker.Token;
        Task<IReadOnlyList<JsonObject>> All(string collection) => tracker.Track(StepName(collection), client.GetAllAsync(collection, ct));

        // The owners of processes and variable sets go first, and their batches (the slowest requests) queue
        // before the other collections: the client serves requests in the order they ask for a slot.
        var projects = All(SnapshotCollections.Projects);
        var runbooks = All(SnapshotCollections.Runbooks);
        var libraryVariableSets = All(SnapshotCollections.LibraryVariableSets);
        var deploymentProcesses = tracker.Track("deployment processes", ReadByIdsAsync(client, "deploymentprocesses", projects, DeploymentProcessIds, ct));
        var runbookProcesses = tracker.Track("runbook processes", ReadByIdsAsync(client, "runbookProcesses", runbooks, RunbookProcessIds, ct));
        var variableSets = tracker.Track("variable sets", ReadVariableSetsAsync(client, projects, libraryVariableSets, ct));
        var owners = Task.WhenAll(projects, runbooks, libraryVariableSets);
        var tenantVariables = tracker.Track(SnapshotCollections.TenantVariables, AfterAsync(owners, () => client.GetAllTenantVariablesAsync(ct)));
        var commonVariables = ReadCommonVariablesAsync(client, tenantVariables, ct);
        var others = SnapshotCollections.All
            .Where(c => c is not (SnapshotCollections.Projects or SnapshotCollections.Runbooks or SnapshotCollections.LibraryVariableSets or SnapshotCollections.TenantVariables))
            .ToDictionary(c => c, c => tracker.Track(StepName(c), AfterAsync(owners, () => client.GetAllAsync(c, ct))));

        await tracker.WhenAll([projects, runbooks, libraryVariableSets, tenantVariables, commonVariables, .. others.Values, deploymentProcesses, runbookProcesses, variableSets]);

        IReadOnlyList<JsonObject> Read(string collection) => others[collection].Result;
        return new SpaceSnapshot
        {
            SpaceId = client.SpaceId,
            SpaceName = client.SpaceName,
            ServerVersion = client.ServerVersion,
            Environments = Read(SnapshotCollections.Environments),
            Lifecycles = Read(SnapshotCollections.Lifecycles),
            ProjectGroups = Read(SnapshotCollections.ProjectGroups),
            Projects = projects.Result,
            Channels = Read(SnapshotCollections.Channels),
            Runbooks = runbooks.Result,
            LibraryVariableSets = libraryVariableSets.Result,
            Tenants = Read(SnapshotCollections.Tenants),
            TagSets = Read(SnapshotCollections.TagSets),
            Accounts = Read(SnapshotCollections.Accounts),
            // An archived certificate is out of use (a replaced one's backup keeps its name: OctopusClients
            // ICertificateRepository.Replace); only the certificates in use are synced and matched by name.
            Certificates = Read(SnapshotCollections.Certificates).Where(c => c["Archived"] is null).ToList(),
            WorkerPools = Read(SnapshotCollections.WorkerPools),
            Feeds = Read(SnapshotCollections.Feeds),
            ActionTemplates = Read(SnapshotCollections.ActionTemplates),
            MachinePolicies = Read(SnapshotCollections.MachinePolicies),
            Machines = Read(SnapshotCollections.Machines),
            Teams = Read(SnapshotCollections.Teams).Where(t => t.Str("SpaceId") is null || IdEquals(t.Str("SpaceId"), client.SpaceId)).ToList(),
            DeploymentProcesses = deploymentProcesses.Result,
            RunbookProcesses = runbookProcesses.Result,
            VariableSets = variableSets.Result,
            TenantVariables = new CompactDocumentDictionary(tenantVariables.Result, d => d.Str("TenantId")),
            TenantCommonVariables = new CompactDocumentDictionary(commonVariables.Result, d => d.Str("TenantId")),
        };
    }

    /// <summary>
    /// Processes of database projects only: a config-as-code project keeps its process in Git, where
    /// <c>deploymentprocesses?ids=</c> cannot read it (the planner reports and skips such projects).
    /// </summary>
    internal static IEnumerable<string> DeploymentProcessIds(IEnumerable<JsonObject> projects) =>
        projects.Where(p => !IsVersionControlled(p)).Select(p => p.Str("DeploymentProcessId")).OfType<string>();

    internal static IEnumerable<string> RunbookProcessIds(IEnumerable<JsonObject> runbooks) =>
        runbooks.Select(r => r.Str("RunbookProcessId")).OfType<string>();

    internal static bool IsVersionControlled(JsonObject project) =>
        project.Bool("IsVersionControlled")
        || string.Equals(project.Obj("PersistenceSettings")?.Str("Type"), "VersionControlled", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// On a server with tenant variables v2 (2025.2+, <see cref="TenantVariablesRoutes"/>), each tenant's common values
    /// through <c>commonvariables</c>: common values scoped to environments exist only there. No bulk v2 route is known
    /// (OctopusClients, go-octopusdeploy and api-client.ts read by tenant id), so this is one GET per tenant whose legacy
    /// document has a library variable set with templates — none for a tenant without common templates, none before 2025.2.
    /// </summary>
    private static async Task<IReadOnlyList<JsonObject>> ReadCommonVariablesAsync(IOctopusSpaceClient client, Task<IReadOnlyList<JsonObject>> tenantVariables, CancellationToken ct)
    {
        if (!TenantVariablesRoutes.HasV2(client.ServerVersion))
        {
            return [];
        }

        var tenants = (await tenantVariables)
            .Where(d => d.Obj("LibraryVariables") is { } sets && sets.Any(s => (s.Value as JsonObject)?.Arr("Templates").Count > 0))
            .Select(d => d.Str("TenantId")).OfType<string>().ToList();
        return await Task.WhenAll(tenants.Select(async tenantId =>
        {
            var document = await client.GetTenantCommonVariablesAsync(tenantId, ct);
            document["TenantId"] ??= tenantId;
            return document;
        }));
    }

    /// <summary>Starts <paramref name="read"/> once <paramref name="first"/> has finished, whether or not it succeeded.</summary>
    private static async Task<T> AfterAsync<T>(Task first, Func<Task<T>> read)
    {
        await first.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return await read();
    }

    /// <summary>
    /// The documents by id, each answer kept as compact text as soon as it arrives (<see cref="CompactDocumentDictionary"/>): these are
    /// the snapshot's largest collections, and holding every batch as trees until the last one came was the read's peak.
    /// </summary>
    private static async Task<CompactDocumentDictionary> ReadByIdsAsync(
        IOctopusSpaceClient client, string collection, Task<IReadOnlyList<JsonObject>> owners,
        Func<IEnumerable<JsonObject>, IEnumerable<string>> ids, CancellationToken ct)
    {
        var wanted = ids(await owners).ToList();
        return new CompactDocumentDictionary(wanted.Count == 0 ? [] : await client.GetByIdsAsync(collection, wanted, EncodeById, ct));
    }

    private static IReadOnlyList<(string Key, CompactDocument Document)> EncodeById(IReadOnlyList<JsonObject> documents) =>
        CompactDocumentDictionary.Encode(documents, d => d.Id());

    /// <summary>Project and library variable sets in one run of batches: fewer, fuller batches than two runs.</summary>
    private static async Task<CompactDocumentDictionary> ReadVariableSetsAsync(
        IOctopusSpaceClient client, Task<IReadOnlyList<JsonObject>> projects, Task<IReadOnlyList<JsonObject>> libraryVariableSets, CancellationToken ct)
    {
        var ids = (await projects).Concat(await libraryVariableSets).Select(o => o.Str("VariableSetId")).OfType<string>().ToList();
        return new CompactDocumentDictionary(ids.Count == 0 ? [] : await client.GetByIdsAsync("variables/all", ids, EncodeById, ct));
    }

    /// <summary>The step a collection is reported as: its last segment (<c>/api/teams</c> → <c>teams</c>).</summary>
    private static string StepName(string collection) => collection[(collection.LastIndexOf('/') + 1)..];

    private static bool IdEquals(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
