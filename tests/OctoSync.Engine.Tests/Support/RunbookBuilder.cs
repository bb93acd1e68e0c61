using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>A runbook of a project and its process; environments by name (none = all environments).</summary>
public sealed class RunbookBuilder
{
    private readonly SnapshotBuilder _space;
    private readonly string _project;
    private readonly string _id;
    private readonly List<string> _environments = [];
    private readonly List<StepBuilder> _steps = [];

    internal RunbookBuilder(SnapshotBuilder space, string project, string name)
    {
        _space = space;
        _project = project;
        Name = name;
        _id = space.Declare(ResourceKind.Runbook, $"{project}/{name}", "Runbooks");
        space.Register(ResourceKind.RunbookProcess, $"{project}/{name}", $"RunbookProcess-{_id}");
    }

    public string Name { get; }

    public RunbookBuilder Environments(params string[] names) { _environments.AddRange(names); return this; }

    public RunbookBuilder Step(string name, Action<StepBuilder>? configure = null)
    {
        var step = new StepBuilder(_space, _project, Name, name);
        configure?.Invoke(step);
        _steps.Add(step);
        return this;
    }

    internal (JsonObject Runbook, JsonObject Process) Build(string projectId)
    {
        var processId = $"RunbookProcess-{_id}";
        var runbook = _space.Doc(_id, Name, "runbooks");
        runbook["Description"] = "";
        runbook["ProjectId"] = projectId;
        runbook["RunbookProcessId"] = processId;
        runbook["PublishedRunbookSnapshotId"] = null;
        runbook["MultiTenancyMode"] = "Untenanted";
        runbook["EnvironmentScope"] = _environments.Count == 0 ? "All" : "Specified";
        runbook["Environments"] = _environments.Select(e => _space.IdOf(ResourceKind.Environment, e)).ToJsonArray();
        runbook["DefaultGuidedFailureMode"] = "EnvironmentDefault";
        runbook["ConnectivityPolicy"] = new JsonObject { ["AllowDeploymentsToNoTargets"] = true, ["ExcludeUnhealthyTargets"] = false, ["SkipMachineBehavior"] = "None", ["TargetRoles"] = new JsonArray() };
        runbook["RunRetentionPolicy"] = new JsonObject { ["QuantityToKeep"] = 100, ["ShouldKeepForever"] = false };
        runbook["ForcePackageDownload"] = false;
        runbook["RunbookTags"] = new JsonArray();
        var process = new JsonObject
        {
            ["Id"] = processId,
            ["RunbookId"] = _id,
            ["ProjectId"] = projectId,
            ["Version"] = _steps.Count,
            ["LastSnapshotId"] = null,
            ["SpaceId"] = _space.SpaceId,
            ["Steps"] = new JsonArray(_steps.Select(s => (JsonNode)s.Build()).ToArray()),
            ["Links"] = new JsonObject { ["Self"] = $"/api/{_space.SpaceId}/runbookProcesses/{processId}" },
        };
        return (runbook, process);
    }
}
