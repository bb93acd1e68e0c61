using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// Routes behind the links the emulator's resources advertise that hold nothing the emulator models (triggers, usage,
/// scoped user roles: empty, as on a server where none exist yet), logos, and sort orders.
/// </summary>
internal static class LinkHandlers
{
    /// <summary>A 1×1 transparent PNG: what a resource without an uploaded logo serves (the portal shows a default).</summary>
    private static readonly byte[] DefaultLogo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly ResourceDescriptor Triggers = new("triggers", "ProjectTriggers", "ProjectTrigger") { Operations = Operations.None, TemplateQuery = "{?skip,take,partialName,triggerActionType}" };
    private static readonly ResourceDescriptor ScopedUserRoles = new("scopeduserroles", "ScopedUserRoles", "ScopedUserRole") { Operations = Operations.None, TemplateQuery = "{?skip,take}" };

    public static Func<RouteCall, ApiResponse> Logo(ResourceDescriptor owner, string idKey = "id") => call =>
    {
        CollectionHandlers.Find(call.Space, owner, call[idKey]);
        return ApiResponse.Binary(DefaultLogo, "image/png");
    };

    /// <summary>`PUT /environments|tagsets|workerpools/sortorder` with the ids in their new order (Swagger 2021.2).</summary>
    public static Func<RouteCall, ApiResponse> SortOrder(ResourceDescriptor d) => call =>
    {
        if (call.Body is not JsonArray ids)
        {
            throw ApiException.BadRequest($"The body must be an array of {d.ItemType} ids in their new order.");
        }

        var docs = ids.Select(n => n is JsonValue v && v.TryGetValue<string>(out var id) ? id : null)
            .Select(id => (Id: id, Doc: call.Space.Find(d, id))).ToList();
        var unknown = docs.Where(x => x.Doc is null).Select(x => x.Id ?? "(not a string)").ToList();
        if (unknown.Count > 0)
        {
            throw ApiException.BadRequest(unknown.Select(id => $"The {d.ItemType} '{id}' was not found.").ToList());
        }

        foreach (var (doc, index) in docs.Select((x, i) => (x.Doc!, i)))
        {
            doc["SortOrder"] = index;
        }

        return ApiResponse.Ok(null);
    };

    public static ApiResponse ProjectTriggers(RouteCall call) => Empty(call, Catalog.Projects, "projectId", Triggers);

    public static ApiResponse TeamScopedUserRoles(RouteCall call) => Empty(call, Catalog.Teams, "id", ScopedUserRoles);

    /// <summary>`/actiontemplates/{id}/usage`: the steps that use the template (ActionTemplateUsageResource).</summary>
    public static ApiResponse ActionTemplateUsage(RouteCall call)
    {
        var template = CollectionHandlers.Find(call.Space, Catalog.ActionTemplates, call["id"]);
        var id = template.Str("Id")!;
        var usages = new JsonArray();
        foreach (var (processes, kind) in new[] { (Catalog.DeploymentProcesses, "Deployment"), (Catalog.RunbookProcesses, "Runbook") })
        {
            foreach (var process in call.Space.All(processes))
            {
                foreach (var step in process.Objects("Steps"))
                {
                    foreach (var action in step.Objects("Actions").Where(a => (a["Properties"] as JsonObject)?["Octopus.Action.Template.Id"] is JsonValue v && string.Equals(v.ToString(), id, StringComparison.OrdinalIgnoreCase)))
                    {
                        usages.Add(new JsonObject
                        {
                            ["ActionTemplateId"] = id,
                            ["ProjectId"] = process.Str("ProjectId"),
                            ["ProcessId"] = process.Str("Id"),
                            ["ProcessType"] = kind,
                            ["RunbookId"] = process.Str("RunbookId"),
                            ["StepId"] = step.Str("Id"),
                            ["StepName"] = step.Str("Name"),
                            ["ActionId"] = action.Str("Id"),
                            ["ActionName"] = action.Str("Name"),
                            ["Version"] = (action["Properties"] as JsonObject)?["Octopus.Action.Template.Version"]?.ToString(),
                        });
                    }
                }
            }
        }

        return ApiResponse.Ok(usages);
    }

    /// <summary>`/users/{id}/teams`: the teams the user is a member of (ProjectedTeamReferenceDataItem).</summary>
    public static ApiResponse UserTeams(RouteCall call)
    {
        var userId = CollectionHandlers.Find(call.Space, Catalog.Users, call["id"]).Str("Id")!;
        var teams = call.Space.All(Catalog.Teams).Where(t => t.Str("Id") == "teams-everyone" || t.Strings("MemberUserIds").Contains(userId, StringComparer.OrdinalIgnoreCase));
        return ApiResponse.Ok(new JsonArray(CollectionQuery.Sort(Catalog.Teams, teams).Select(t => (JsonNode?)new JsonObject
        {
            ["Id"] = t.Str("Id"),
            ["Name"] = t.Str("Name"),
            ["SpaceId"] = t.Str("SpaceId"),
            ["IsDirectlyAssigned"] = t.Str("Id") != "teams-everyone",
            ["ExternalSecurityGroups"] = new JsonArray(),
        }).ToArray()));
    }

    private static ApiResponse Empty(RouteCall call, ResourceDescriptor owner, string idKey, ResourceDescriptor items)
    {
        CollectionHandlers.Find(call.Space, owner, call[idKey]);
        return ApiResponse.Ok(CollectionQuery.Page(call, items, []));
    }
}
