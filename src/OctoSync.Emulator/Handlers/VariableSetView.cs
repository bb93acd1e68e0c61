using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// The read side of a variable set: sensitive values are never returned (docs "sensitive variables") and
/// `ScopeValues` is computed from the owner's context, as the real server does.
/// </summary>
/// <remarks>
/// The space-wide parts of `ScopeValues` and the per-project indexes are built once per request and copied
/// per set: `variables/all?ids=` of 50 sets used to rescan every process, channel and runbook 50 times.
/// </remarks>
internal static class VariableSetView
{
    public static void Complete(SpaceContext space, JsonObject set)
    {
        foreach (var variable in set.Objects("Variables").Where(v => v.Bool("IsSensitive")))
        {
            variable["Value"] = null;
        }

        var ownerId = set.Str("OwnerId") ?? "";
        var isProject = ownerId.StartsWith("Projects-", StringComparison.OrdinalIgnoreCase);
        var shared = space.Memo("ScopeValues.Shared", () => new JsonObject
        {
            ["Environments"] = Refs(space.All(Catalog.Environments)),
            ["Machines"] = Refs(space.All(Catalog.Machines)),
            ["Roles"] = new JsonArray(MachineRoles(space).Select(r => (JsonNode?)new JsonObject { ["Id"] = r, ["Name"] = r }).ToArray()),
            ["TenantTags"] = new JsonArray(space.All(Catalog.TagSets).SelectMany(s => s.Objects("Tags"))
                .Select(t => (JsonNode?)new JsonObject { ["Id"] = t.Str("CanonicalTagName"), ["Name"] = t.Str("Name") }).ToArray()),
        });
        var actions = space.Memo("ScopeValues.Actions", () => ByProject(
            space.All(Catalog.DeploymentProcesses).Concat(space.All(Catalog.RunbookProcesses))
                .SelectMany(p => p.Objects("Steps").SelectMany(s => s.Objects("Actions")).Select(a => (p.Str("ProjectId"), a)))));
        var channels = space.Memo("ScopeValues.Channels", () => ByProject(space.All(Catalog.Channels).Select(c => (c.Str("ProjectId"), c))));
        set["ScopeValues"] = new JsonObject
        {
            ["Environments"] = shared["Environments"]!.DeepClone(),
            ["Machines"] = shared["Machines"]!.DeepClone(),
            ["Actions"] = Refs(actions[ownerId]),
            ["Roles"] = shared["Roles"]!.DeepClone(),
            ["Channels"] = Refs(isProject ? channels[ownerId] : []),
            ["TenantTags"] = shared["TenantTags"]!.DeepClone(),
            ["Processes"] = Processes(space, ownerId, isProject),
        };
    }

    public static IEnumerable<string> MachineRoles(SpaceContext space) =>
        space.All(Catalog.Machines).SelectMany(m => m.Strings("Roles")).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);

    private static ILookup<string, JsonObject> ByProject(IEnumerable<(string? ProjectId, JsonObject Doc)> pairs) =>
        pairs.ToLookup(x => x.ProjectId ?? "", x => x.Doc, StringComparer.Ordinal);

    private static JsonArray Refs(IEnumerable<JsonObject> docs) =>
        new(docs.Select(d => (JsonNode?)new JsonObject { ["Id"] = d.Str("Id"), ["Name"] = d.Str("Name") }).ToArray());

    private static JsonArray Processes(SpaceContext space, string ownerId, bool isProject)
    {
        var result = new JsonArray();
        if (!isProject || space.Find(Catalog.Projects, ownerId) is not { } project)
        {
            return result;
        }

        result.Add(new JsonObject { ["Id"] = ownerId, ["Name"] = project.Str("Name"), ["ProcessType"] = "Deployment" });
        var runbooks = space.Memo("ScopeValues.Runbooks", () => ByProject(space.All(Catalog.Runbooks).Select(r => (r.Str("ProjectId"), r))));
        foreach (var runbook in runbooks[ownerId])
        {
            result.Add(new JsonObject { ["Id"] = runbook.Str("Id"), ["Name"] = runbook.Str("Name"), ["ProcessType"] = "Runbook" });
        }

        return result;
    }
}
