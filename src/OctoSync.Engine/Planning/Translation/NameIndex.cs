using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Translation;

/// <summary>
/// Id ↔ portable key for every object of one snapshot (see <see cref="ResourceKeys"/>). Ids are matched
/// case-insensitively, as Octopus does; keys case-sensitively except where Octopus names are unique ignoring case.
/// </summary>
public sealed class NameIndex
{
    private readonly Dictionary<string, (ResourceKind Kind, string Key)> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(ResourceKind, string), string> _byKey = new(KindKeyComparer.Instance);
    private readonly Dictionary<(ResourceKind, string), JsonObject> _documents = new(KindKeyComparer.Instance);

    public NameIndex(SpaceSnapshot snapshot)
    {
        Snapshot = snapshot;
        AddNamed(ResourceKind.Environment, snapshot.Environments);
        AddNamed(ResourceKind.Lifecycle, snapshot.Lifecycles);
        AddNamed(ResourceKind.ProjectGroup, snapshot.ProjectGroups);
        AddNamed(ResourceKind.Project, snapshot.Projects);
        AddNamed(ResourceKind.Tenant, snapshot.Tenants);
        AddNamed(ResourceKind.TagSet, snapshot.TagSets);
        AddNamed(ResourceKind.Account, snapshot.Accounts);
        AddNamed(ResourceKind.Certificate, snapshot.Certificates);
        AddNamed(ResourceKind.WorkerPool, snapshot.WorkerPools);
        AddNamed(ResourceKind.Feed, snapshot.Feeds);
        AddNamed(ResourceKind.ActionTemplate, snapshot.ActionTemplates);
        AddNamed(ResourceKind.MachinePolicy, snapshot.MachinePolicies);
        AddNamed(ResourceKind.Machine, snapshot.Machines);
        AddNamed(ResourceKind.Team, snapshot.Teams);

        foreach (var set in snapshot.LibraryVariableSets)
        {
            var kind = set.Str("ContentType") == "ScriptModule" ? ResourceKind.ScriptModule : ResourceKind.LibraryVariableSet;
            Add(kind, set.Id(), set.Name(), set);
            if (set.Str("VariableSetId") is { } vs)
            {
                Add(ResourceKind.VariableSet, vs, ResourceKeys.VariableSet("LibraryVariableSet", set.Name()), null);
            }
        }

        var projectNames = snapshot.Projects.ToDictionary(p => p.Id(), p => p.Name(), StringComparer.OrdinalIgnoreCase);
        foreach (var project in snapshot.Projects)
        {
            if (project.Str("VariableSetId") is { } vs)
            {
                Add(ResourceKind.VariableSet, vs, ResourceKeys.VariableSet("Project", project.Name()), null);
            }

            if (project.Str("DeploymentProcessId") is { } dp)
            {
                Add(ResourceKind.DeploymentProcess, dp, project.Name(), null);
            }
        }

        foreach (var channel in snapshot.Channels)
        {
            if (projectNames.TryGetValue(channel.Str("ProjectId") ?? "", out var p))
            {
                Add(ResourceKind.Channel, channel.Id(), ResourceKeys.Channel(p, channel.Name()), channel);
            }
        }

        var runbookKeys = new Dictionary<string, (string Project, string Runbook)>(StringComparer.OrdinalIgnoreCase);
        foreach (var runbook in snapshot.Runbooks)
        {
            if (projectNames.TryGetValue(runbook.Str("ProjectId") ?? "", out var p))
            {
                Add(ResourceKind.Runbook, runbook.Id(), ResourceKeys.Runbook(p, runbook.Name()), runbook);
                runbookKeys[runbook.Id()] = (p, runbook.Name());
                if (runbook.Str("RunbookProcessId") is { } rp)
                {
                    Add(ResourceKind.RunbookProcess, rp, ResourceKeys.Runbook(p, runbook.Name()), null);
                }
            }
        }

        foreach (var process in snapshot.DeploymentProcesses.Values)
        {
            if (projectNames.TryGetValue(process.Str("ProjectId") ?? "", out var p))
            {
                foreach (var action in Actions(process).Where(a => a.Str("Id") is not null))
                {
                    // No document: an action's tree would keep its whole process alive (its Parent), and no one asks for it.
                    Add(ResourceKind.Action, action.Id(), ResourceKeys.DeploymentAction(p, action.Name()), null);
                }
            }
        }

        foreach (var process in snapshot.RunbookProcesses.Values)
        {
            if (runbookKeys.TryGetValue(process.Str("RunbookId") ?? "", out var rb))
            {
                foreach (var action in Actions(process).Where(a => a.Str("Id") is not null))
                {
                    Add(ResourceKind.Action, action.Id(), ResourceKeys.RunbookAction(rb.Project, rb.Runbook, action.Name()), null);
                }
            }
        }
    }

    public SpaceSnapshot Snapshot { get; }

    /// <summary>Kind and key of any id in the space (ids are unique across kinds).</summary>
    public bool TryGetKey(string id, out ResourceKind kind, out string key)
    {
        if (_byId.TryGetValue(id, out var entry))
        {
            (kind, key) = entry;
            return true;
        }

        (kind, key) = (default, "");
        return false;
    }

    public string? KeyOf(string id) => _byId.TryGetValue(id, out var entry) ? entry.Key : null;

    public string? IdOf(ResourceKind kind, string key) => _byKey.TryGetValue((kind, key), out var id) ? id : null;

    /// <summary>The document of a named object (not available for variable sets, processes and actions: use the snapshot).</summary>
    public JsonObject? Document(ResourceKind kind, string key) => _documents.TryGetValue((kind, key), out var d) ? d : null;

    public static IEnumerable<JsonObject> Actions(JsonObject process) =>
        process.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects());

    private void AddNamed(ResourceKind kind, IEnumerable<JsonObject> documents)
    {
        // A document without an Id cannot be referenced; Octopus always returns one, test doubles may not.
        foreach (var d in documents.Where(d => d.Str("Id") is not null))
        {
            Add(kind, d.Id(), d.Name(), d);
        }
    }

    private void Add(ResourceKind kind, string id, string key, JsonObject? document)
    {
        _byId[id] = (kind, key);
        _byKey.TryAdd((kind, key), id);
        if (document is not null)
        {
            _documents.TryAdd((kind, key), document);
        }
    }
}
