using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// The read side of a variable set: sensitive values are never returned (docs "sensitive variables") and
/// `ScopeValues` is computed from the owner's context, as the real server does.
/// </summary>
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
        set["ScopeValues"] = new JsonObject
        {
            ["Environments"] = Refs(space.All(Catalog.Environments)),
            ["Machines"] = Refs(space.All(Catalog.Machines)),
            ["Actions"] = Refs(ProcessRules.ActionsOf(space, ownerId)),
            ["Roles"] = new JsonArray(MachineRoles(space).Select(r => (JsonNode?)new JsonObject { ["Id"] = r, ["Name"] = r }).ToArray()),
            ["Channels"] = Refs(isProject ? space.All(Catalog.Channels).Where(c => c.Str("ProjectId") == ownerId) : []),
            ["TenantTags"] = new JsonArray(space.All(Catalog.TagSets).SelectMany(s => s.Objects("Tags"))
                .Select(t => (JsonNode?)new JsonObject { ["Id"] = t.Str("CanonicalTagName"), ["Name"] = t.Str("Name") }).ToArray()),
            ["Processes"] = Processes(space, ownerId, isProject),
        };
    }

    public static IEnumerable<string> MachineRoles(SpaceContext space) =>
        space.All(Catalog.Machines).SelectMany(m => m.Strings("Roles")).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);

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
        foreach (var runbook in space.All(Catalog.Runbooks).Where(r => r.Str("ProjectId") == ownerId))
        {
            result.Add(new JsonObject { ["Id"] = runbook.Str("Id"), ["Name"] = runbook.Str("Name"), ["ProcessType"] = "Runbook" });
        }

        return result;
    }
}
