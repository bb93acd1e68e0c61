using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Support;

/// <summary>
/// Applies a plan to a snapshot in memory, the way the applier does to a server: creates get ids (and a project its
/// variable set, deployment process and "Default" channel), tokens in documents — values and property names — are
/// replaced, updates replace the document (and a process update records its actions' ids). For "the second plan after applying the first is empty" tests.
/// </summary>
public static class FakeApplier
{
    public static (SpaceSnapshot Destination, SyncState State) Apply(Plan plan, SpaceSnapshot destination, SyncState? state = null)
    {
        var lists = new Dictionary<ResourceKind, List<JsonObject>>
        {
            [ResourceKind.Environment] = [.. destination.Environments],
            [ResourceKind.TagSet] = [.. destination.TagSets],
            [ResourceKind.ProjectGroup] = [.. destination.ProjectGroups],
            [ResourceKind.Feed] = [.. destination.Feeds],
            [ResourceKind.WorkerPool] = [.. destination.WorkerPools],
            [ResourceKind.Account] = [.. destination.Accounts],
            [ResourceKind.Certificate] = [.. destination.Certificates],
            [ResourceKind.ActionTemplate] = [.. destination.ActionTemplates],
            [ResourceKind.LibraryVariableSet] = [.. destination.LibraryVariableSets],
            [ResourceKind.Lifecycle] = [.. destination.Lifecycles],
            [ResourceKind.Project] = [.. destination.Projects],
            [ResourceKind.Channel] = [.. destination.Channels],
            [ResourceKind.Tenant] = [.. destination.Tenants],
            [ResourceKind.Runbook] = [.. destination.Runbooks],
        };
        var variableSets = new Dictionary<string, JsonObject>(destination.VariableSets, StringComparer.OrdinalIgnoreCase);
        var processes = new Dictionary<string, JsonObject>(destination.DeploymentProcesses, StringComparer.OrdinalIgnoreCase);
        var runbookProcesses = new Dictionary<string, JsonObject>(destination.RunbookProcesses, StringComparer.OrdinalIgnoreCase);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 900;

        foreach (var change in plan.Changes.Where(c => c.Writes))
        {
            var document = (JsonObject)Resolve(change.After!, tokens)!;
            var listKind = change.Kind == ResourceKind.ScriptModule ? ResourceKind.LibraryVariableSet : change.Kind;
            if (change.Action == ChangeAction.Create)
            {
                var id = $"{Collection(change.Kind)}-{next++}";
                document["Id"] = id;
                document["SpaceId"] = destination.SpaceId;
                tokens[ReferenceToken.For(change.Kind, change.Key)] = id;
                if (change.Kind == ResourceKind.Project)
                {
                    CreateProjectParts(document, change.Key, destination.SpaceId, lists, variableSets, processes, tokens, ref next);
                }
                else if (listKind == ResourceKind.LibraryVariableSet)
                {
                    document["VariableSetId"] = $"variableset-{id}";
                    variableSets[$"variableset-{id}"] = new JsonObject { ["Id"] = $"variableset-{id}", ["OwnerId"] = id, ["Version"] = 0, ["Variables"] = new JsonArray() };
                    tokens[ReferenceToken.For(ResourceKind.VariableSet, ResourceKeys.VariableSet("LibraryVariableSet", change.Key))] = $"variableset-{id}";
                }

                lists[listKind].Add(document);
                continue;
            }

            var targetId = Resolve(JsonValue.Create(change.DestinationId!), tokens)!.GetValue<string>();
            document["Id"] = targetId;
            AssignItemIds(document, ref next);
            switch (change.Kind)
            {
                case ResourceKind.VariableSet: variableSets[targetId] = document; break;
                case ResourceKind.DeploymentProcess: processes[targetId] = document; RecordActions(change.Key, document, tokens); break;
                case ResourceKind.RunbookProcess: runbookProcesses[targetId] = document; RecordActions(change.Key, document, tokens); break;
                case ResourceKind.DeploymentSettings:
                    // Mirrored on the project document, as Octopus keeps them (DeploymentSettingsWriter).
                    var project = lists[ResourceKind.Project].First(d => string.Equals(d.Str("Id"), targetId, StringComparison.OrdinalIgnoreCase));
                    foreach (var (settings, field) in OctoSync.Engine.Planning.Projects.DeploymentSettingsPlanner.Fields.Where(f => document.ContainsKey(f.Settings)))
                    {
                        project[field] = document[settings]?.DeepClone();
                    }

                    break;
                default:
                    var list = lists[listKind];
                    list[list.FindIndex(d => string.Equals(d.Str("Id"), targetId, StringComparison.OrdinalIgnoreCase))] = document;
                    break;
            }
        }

        var applied = destination with
        {
            Environments = lists[ResourceKind.Environment],
            TagSets = lists[ResourceKind.TagSet],
            ProjectGroups = lists[ResourceKind.ProjectGroup],
            Feeds = lists[ResourceKind.Feed],
            WorkerPools = lists[ResourceKind.WorkerPool],
            Accounts = lists[ResourceKind.Account],
            Certificates = lists[ResourceKind.Certificate],
            ActionTemplates = lists[ResourceKind.ActionTemplate],
            LibraryVariableSets = lists[ResourceKind.LibraryVariableSet],
            Lifecycles = lists[ResourceKind.Lifecycle],
            Projects = lists[ResourceKind.Project],
            Channels = lists[ResourceKind.Channel],
            Tenants = lists[ResourceKind.Tenant],
            Runbooks = lists[ResourceKind.Runbook],
            VariableSets = variableSets,
            DeploymentProcesses = processes,
            RunbookProcesses = runbookProcesses,
        };
        var newState = (state ?? SyncState.Empty(plan.Destination)).With(plan.Changes.SelectMany(c => c.StateUpdates));
        return (applied, newState);
    }

    private static void CreateProjectParts(JsonObject project, string name, string spaceId, Dictionary<ResourceKind, List<JsonObject>> lists,
        Dictionary<string, JsonObject> variableSets, Dictionary<string, JsonObject> processes, Dictionary<string, string> tokens, ref int next)
    {
        var id = project.Id();
        project["VariableSetId"] = $"variableset-{id}";
        project["DeploymentProcessId"] = $"deploymentprocess-{id}";
        variableSets[$"variableset-{id}"] = new JsonObject { ["Id"] = $"variableset-{id}", ["OwnerId"] = id, ["Version"] = 0, ["Variables"] = new JsonArray() };
        processes[$"deploymentprocess-{id}"] = new JsonObject { ["Id"] = $"deploymentprocess-{id}", ["ProjectId"] = id, ["Version"] = 0, ["Steps"] = new JsonArray() };
        var channelId = $"Channels-{next++}";
        lists[ResourceKind.Channel].Add(new JsonObject
        {
            ["Id"] = channelId,
            ["Name"] = "Default",
            ["Description"] = "",
            ["ProjectId"] = id,
            ["LifecycleId"] = null,
            ["IsDefault"] = true,
            ["Rules"] = new JsonArray(),
            ["TenantTags"] = new JsonArray(),
            ["GitReferenceRules"] = new JsonArray(),
            ["GitResourceRules"] = new JsonArray(),
            ["SpaceId"] = spaceId,
        });
        tokens[ReferenceToken.For(ResourceKind.VariableSet, ResourceKeys.VariableSet("Project", name))] = $"variableset-{id}";
        tokens[ReferenceToken.For(ResourceKind.DeploymentProcess, name)] = $"deploymentprocess-{id}";
        tokens[ReferenceToken.For(ResourceKind.Channel, ResourceKeys.Channel(name, "Default"))] = channelId;
    }

    /// <summary>As the applier does after a process PUT: each action's id under <c>Action:&lt;process key&gt;/&lt;action&gt;</c>.</summary>
    private static void RecordActions(string processKey, JsonObject process, Dictionary<string, string> tokens)
    {
        foreach (var action in process.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()))
        {
            tokens[ReferenceToken.For(ResourceKind.Action, $"{processKey}/{action.Name()}")] = action.Id();
        }
    }

    /// <summary>The server gives new steps, actions and variables their ids.</summary>
    private static void AssignItemIds(JsonObject document, ref int next)
    {
        var items = document.Arr("Variables").Objects()
            .Concat(document.Arr("Steps").Objects())
            .Concat(document.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()));
        foreach (var item in items.Where(i => string.IsNullOrEmpty(i.Str("Id"))))
        {
            item["Id"] = $"00000000-0000-0000-0000-{next++:D12}";
        }
    }

    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, string> tokens) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(Token(p.Key, tokens), Resolve(p.Value, tokens)))),
        JsonArray a => new JsonArray(a.Select(e => Resolve(e, tokens)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Token(s, tokens)),
        _ => node?.DeepClone(),
    };

    private static string Token(string value, Dictionary<string, string> tokens) =>
        !ReferenceToken.IsToken(value) ? value
        : tokens.TryGetValue(value, out var id) ? id
        : throw new InvalidOperationException($"Unresolved token {value}: created later in the plan, or never.");

    private static string Collection(ResourceKind kind) => kind switch
    {
        ResourceKind.ScriptModule or ResourceKind.LibraryVariableSet => "LibraryVariableSets",
        ResourceKind.ActionTemplate => "ActionTemplates",
        _ => $"{kind}s",
    };
}
