using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Planning.Variables.Support;

/// <summary>
/// A small in-memory Octopus space for variable tests (until the shared SnapshotBuilder lands). Ids carry a
/// per-space number base so source and destination ids never coincide, as on real instances.
/// </summary>
internal sealed class SpaceFixture
{
    private readonly int _idBase;
    private readonly List<JsonObject> _environments = [];
    private readonly List<JsonObject> _projects = [];
    private readonly List<JsonObject> _channels = [];
    private readonly List<JsonObject> _runbooks = [];
    private readonly List<JsonObject> _machines = [];
    private readonly List<JsonObject> _accounts = [];
    private readonly List<JsonObject> _certificates = [];
    private readonly List<JsonObject> _workerPools = [];
    private readonly List<JsonObject> _tagSets = [];
    private readonly Dictionary<string, JsonObject> _processes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _runbookProcesses = new(StringComparer.OrdinalIgnoreCase);
    private int _next;

    public SpaceFixture(int idBase) => (_idBase, _next) = (idBase, idBase);

    public string Environment(string name) => Add(_environments, "Environments", name);

    public string Machine(string name) => Add(_machines, "Machines", name);

    public string Account(string name) => Add(_accounts, "Accounts", name);

    public string Certificate(string name) => Add(_certificates, "Certificates", name);

    public string WorkerPool(string name) => Add(_workerPools, "WorkerPools", name);

    public string TagSet(string name, params string[] tags)
    {
        var id = Add(_tagSets, "TagSets", name);
        _tagSets[^1]["Tags"] = new JsonArray(tags.Select(t => (JsonNode?)new JsonObject
        {
            ["Id"] = $"Tags-{_next++}",
            ["Name"] = t,
            ["CanonicalTagName"] = $"{name}/{t}",
        }).ToArray());
        return id;
    }

    /// <summary>A project with a deployment process holding the given actions (one step each); returns the project id.</summary>
    public string Project(string name, params string[] actions)
    {
        var id = Add(_projects, "Projects", name);
        var project = _projects[^1];
        project["VariableSetId"] = $"variableset-{id}";
        project["DeploymentProcessId"] = $"deploymentprocess-{id}";
        _processes[$"deploymentprocess-{id}"] = new JsonObject
        {
            ["Id"] = $"deploymentprocess-{id}",
            ["ProjectId"] = id,
            ["Steps"] = new JsonArray(actions.Select(a => (JsonNode?)Step(a)).ToArray()),
        };
        return id;
    }

    public string Channel(string projectId, string name)
    {
        var id = Add(_channels, "Channels", name);
        _channels[^1]["ProjectId"] = projectId;
        return id;
    }

    public string Runbook(string projectId, string name)
    {
        var id = Add(_runbooks, "Runbooks", name);
        _runbooks[^1]["ProjectId"] = projectId;
        _runbooks[^1]["RunbookProcessId"] = $"RunbookProcess-{id}";
        _runbookProcesses[$"RunbookProcess-{id}"] = new JsonObject { ["Id"] = $"RunbookProcess-{id}", ["RunbookId"] = id, ["Steps"] = new JsonArray() };
        return id;
    }

    /// <summary>The id of an action of a project's deployment process, by name.</summary>
    public string ActionId(string projectId, string action) =>
        _processes[$"deploymentprocess-{projectId}"].Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects())
            .Single(a => a.Name() == action).Id();

    public SpaceSnapshot Build() => new()
    {
        SpaceId = $"Spaces-{_idBase}",
        SpaceName = $"Space {_idBase}",
        Environments = _environments,
        Projects = _projects,
        Channels = _channels,
        Runbooks = _runbooks,
        Machines = _machines,
        Accounts = _accounts,
        Certificates = _certificates,
        WorkerPools = _workerPools,
        TagSets = _tagSets,
        DeploymentProcesses = _processes,
        RunbookProcesses = _runbookProcesses,
    };

    private JsonObject Step(string action) => new()
    {
        ["Id"] = $"step-{_next++}",
        ["Name"] = action,
        ["Actions"] = new JsonArray(new JsonObject { ["Id"] = $"{_idBase:D4}0000-0000-0000-0000-{_next++:D12}", ["Name"] = action }),
    };

    private string Add(List<JsonObject> list, string collection, string name)
    {
        var id = $"{collection}-{_next++}";
        list.Add(new JsonObject { ["Id"] = id, ["Name"] = name });
        return id;
    }
}
