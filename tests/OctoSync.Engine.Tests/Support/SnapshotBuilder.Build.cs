using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>Id allocation, common document fields and <see cref="Build"/>.</summary>
public sealed partial class SnapshotBuilder
{
    private readonly List<(string Id, string OwnerId, string OwnerName, VariableSetBuilder Set)> _variableSets = [];

    /// <summary>Builds the snapshot. Can be called more than once (each call builds fresh documents).</summary>
    public SpaceSnapshot Build()
    {
        var byKind = _documents.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Select(d => Customized(d.Kind, d.Name, d.Build())).ToList());
        List<JsonObject> Of(ResourceKind kind) => byKind.TryGetValue(kind, out var list) ? list : [];

        var projects = new List<JsonObject>();
        var channels = new List<JsonObject>();
        var runbooks = new List<JsonObject>();
        var processes = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var runbookProcesses = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var variableSets = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in _projects)
        {
            projects.Add(Customized(ResourceKind.Project, p.Name, p.BuildProject()));
            channels.AddRange(p.BuildChannels().Select(c => Customized(ResourceKind.Channel, $"{p.Name}/{c.Name()}", c)));
            var process = Customized(ResourceKind.DeploymentProcess, p.Name, p.BuildProcess());
            processes[process.Id()] = process;
            foreach (var (runbook, runbookProcess) in p.BuildRunbooks())
            {
                runbooks.Add(Customized(ResourceKind.Runbook, $"{p.Name}/{runbook.Name()}", runbook));
                runbookProcesses[runbookProcess.Id()] = runbookProcess;
            }

            var variables = Customized(ResourceKind.VariableSet, $"Project:{p.Name}", p.BuildVariables());
            variableSets[variables.Id()] = variables;
        }

        foreach (var (id, ownerId, name, set) in _variableSets)
        {
            variableSets[id] = Customized(ResourceKind.VariableSet, $"LibraryVariableSet:{name}", set.Build(id, ownerId));
        }

        return new SpaceSnapshot
        {
            SpaceId = SpaceId,
            SpaceName = SpaceName,
            Environments = Of(ResourceKind.Environment),
            Lifecycles = Of(ResourceKind.Lifecycle),
            ProjectGroups = Of(ResourceKind.ProjectGroup),
            Projects = projects,
            Channels = channels,
            Runbooks = runbooks,
            LibraryVariableSets = [.. Of(ResourceKind.LibraryVariableSet), .. Of(ResourceKind.ScriptModule)],
            Tenants = Of(ResourceKind.Tenant),
            TagSets = Of(ResourceKind.TagSet),
            Accounts = Of(ResourceKind.Account),
            Certificates = Of(ResourceKind.Certificate),
            WorkerPools = Of(ResourceKind.WorkerPool),
            Feeds = Of(ResourceKind.Feed),
            ActionTemplates = Of(ResourceKind.ActionTemplate),
            Machines = Of(ResourceKind.Machine),
            DeploymentProcesses = processes,
            RunbookProcesses = runbookProcesses,
            VariableSets = variableSets,
        };
    }

    /// <summary>A GUID that depends only on the space and a key, so builds are reproducible.</summary>
    internal string StableGuid(string key) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{SpaceId}|{key}")).AsSpan(0, 16)).ToString();

    internal string Declare(ResourceKind kind, string name, string collection, string? id = null)
    {
        if (_ids.TryGetValue((kind, name), out var existing))
        {
            return existing;
        }

        if (id is null)
        {
            var n = _next.TryGetValue(collection, out var next) ? next : _firstId;
            _next[collection] = n + 1;
            id = $"{collection}-{n}";
        }

        _ids[(kind, name)] = id;
        return id;
    }

    internal void Register(ResourceKind kind, string key, string id) => _ids[(kind, key)] = id;

    /// <summary>The common fields every space resource has.</summary>
    internal JsonObject Doc(string id, string name, string collection) => new()
    {
        ["Id"] = id,
        ["Name"] = name,
        ["Slug"] = name.ToLowerInvariant().Replace(' ', '-'),
        [nameof(SpaceId)] = SpaceId,
        ["LastModifiedOn"] = "2026-01-01T00:00:00.000+00:00",
        ["LastModifiedBy"] = "admin",
        ["Links"] = new JsonObject { ["Self"] = $"/api/{SpaceId}/{collection}/{id}" },
    };

    private void Add(ResourceKind kind, string name, Func<JsonObject> build)
    {
        _documents.RemoveAll(d => d.Kind == kind && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        _documents.Add((kind, name, build));
    }

    private JsonObject Customized(ResourceKind kind, string name, JsonObject document)
    {
        foreach (var (k, n, edit) in _customizations)
        {
            if (k == kind && string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                edit(document);
            }
        }

        return document;
    }

    private static JsonObject Retention() =>
        new() { ["Unit"] = "Days", ["QuantityToKeep"] = 30, ["ShouldKeepForever"] = false, ["Strategy"] = "Count" };
}
