using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>
/// Minimal Dev/Test (source) and Staging/Production (destination) spaces from the seed, with the objects steps
/// reference. Replace with the shared SnapshotBuilder once it lands.
/// </summary>
internal static class ProcessFixture
{
    public const string SourceProjectId = "Projects-1";
    public const string DestinationProjectId = "Projects-21";

    public static SpaceSnapshot Source(IEnumerable<JsonObject> steps, IEnumerable<JsonObject>? runbooks = null, IReadOnlyDictionary<string, JsonObject>? runbookProcesses = null) => new()
    {
        SpaceId = "Spaces-1",
        SpaceName = "Default",
        Environments = [Named("Environments-1", "Development"), Named("Environments-2", "Test")],
        Projects = [Project(SourceProjectId)],
        Channels = [Channel("Channels-1", "Default", SourceProjectId), Channel("Channels-2", "Dev only", SourceProjectId)],
        Feeds = [Named("feeds-builtin", "Octopus Server (built-in)"), Named("Feeds-1", "NuGet")],
        WorkerPools = [Named("WorkerPools-1", "Hosted Ubuntu"), Named("WorkerPools-2", "Dev pool")],
        Accounts = [Named("Accounts-1", "Azure Prod"), Named("Accounts-2", "Azure Dev")],
        Certificates = [Named("Certificates-1", "Wildcard")],
        ActionTemplates = [Template("ActionTemplates-1", 3)],
        Teams = [Named("Teams-1", "QA"), Named("Teams-2", "Devs")],
        Runbooks = [.. runbooks ?? []],
        RunbookProcesses = Dictionary(runbookProcesses),
        DeploymentProcesses = Dictionary(new Dictionary<string, JsonObject> { ["deploymentprocess-Projects-1"] = Process("deploymentprocess-Projects-1", SourceProjectId, steps) }),
    };

    /// <param name="steps">Null: the project's process is not on the destination (the project is created by the plan).</param>
    public static SpaceSnapshot Destination(IEnumerable<JsonObject>? steps, IEnumerable<JsonObject>? runbooks = null, IReadOnlyDictionary<string, JsonObject>? runbookProcesses = null) => new()
    {
        SpaceId = "Spaces-2",
        SpaceName = "Default",
        Environments = [Named("Environments-11", "Staging"), Named("Environments-12", "Production")],
        Projects = steps is null ? [] : [Project(DestinationProjectId)],
        Channels = steps is null ? [] : [Channel("Channels-31", "Default", DestinationProjectId)],
        Feeds = [Named("feeds-builtin", "Octopus Server (built-in)"), Named("Feeds-41", "NuGet")],
        WorkerPools = [Named("WorkerPools-51", "Hosted Ubuntu")],
        Accounts = [Named("Accounts-61", "Azure Prod")],
        Certificates = [Named("Certificates-71", "Wildcard")],
        ActionTemplates = [Template("ActionTemplates-81", 5)],
        Teams = [Named("Teams-91", "QA")],
        Runbooks = [.. runbooks ?? []],
        RunbookProcesses = Dictionary(runbookProcesses),
        DeploymentProcesses = steps is null ? Dictionary(null)
            : Dictionary(new Dictionary<string, JsonObject> { ["deploymentprocess-Projects-21"] = Process("deploymentprocess-Projects-21", DestinationProjectId, steps) }),
    };

    /// <summary>A one-action script step; <paramref name="configure"/> edits the action.</summary>
    public static JsonObject Step(string name, Action<JsonObject>? configure = null, string idPrefix = "src")
    {
        var action = new JsonObject
        {
            ["Id"] = $"{idPrefix}-action-{name}",
            ["Name"] = name,
            ["ActionType"] = "Octopus.Script",
            ["IsDisabled"] = false,
            ["Environments"] = new JsonArray(),
            ["ExcludedEnvironments"] = new JsonArray(),
            ["Channels"] = new JsonArray(),
            ["TenantTags"] = new JsonArray(),
            ["WorkerPoolId"] = null,
            ["Packages"] = new JsonArray(),
            ["Properties"] = new JsonObject { ["Octopus.Action.Script.ScriptBody"] = $"echo {name}" },
        };
        configure?.Invoke(action);
        return new JsonObject
        {
            ["Id"] = $"{idPrefix}-step-{name}",
            ["Name"] = name,
            ["Condition"] = "Success",
            ["StartTrigger"] = "StartAfterPrevious",
            ["Properties"] = new JsonObject(),
            ["Actions"] = new JsonArray(action),
        };
    }

    public static JsonObject Process(string id, string projectId, IEnumerable<JsonObject> steps) => new()
    {
        ["Id"] = id,
        ["ProjectId"] = projectId,
        ["Version"] = 4,
        ["Steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s.DeepClone())]),
    };

    public static JsonArray Ids(params string[] ids) => new([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]);

    private static JsonObject Named(string id, string name) => new() { ["Id"] = id, ["Name"] = name };

    private static JsonObject Project(string id) => new() { ["Id"] = id, ["Name"] = "OctoFx", ["DeploymentProcessId"] = $"deploymentprocess-{id}" };

    private static JsonObject Channel(string id, string name, string projectId) => new() { ["Id"] = id, ["Name"] = name, ["ProjectId"] = projectId };

    private static JsonObject Template(string id, int version) => new() { ["Id"] = id, ["Name"] = "Slack - Notify", ["Version"] = version };

    private static Dictionary<string, JsonObject> Dictionary(IReadOnlyDictionary<string, JsonObject>? items) =>
        new(items ?? new Dictionary<string, JsonObject>(), StringComparer.OrdinalIgnoreCase);
}
