using System.Text.Json.Nodes;
using OctoSync.Emulator.Handlers;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>The project-scoped routes (`/projects/{projectId}/channels|runbooks|deploymentprocesses|...`).</summary>
internal static class ProjectRoutes
{
    public static IEnumerable<RouteDef> Build()
    {
        const string p = "projects/{projectId}/";
        return
        [
            new("GET", p + "channels", true, call => CollectionHandlers.List(call, Catalog.Channels, OwnedBy(call))),
            new("GET", p + "channels/{id}", true, call => CollectionHandlers.Get(call, Catalog.Channels, Owned(call, Catalog.Channels))),
            new("PUT", p + "channels/{id}", true, call => CollectionHandlers.Modify(call, Catalog.Channels, Owned(call, Catalog.Channels))),
            new("DELETE", p + "channels/{id}", true, call => CollectionHandlers.Delete(call, Catalog.Channels, Owned(call, Catalog.Channels))),
            new("GET", p + "runbooks", true, call => CollectionHandlers.List(call, Catalog.Runbooks, OwnedBy(call))),
            new("GET", p + "runbooks/all", true, call => CollectionHandlers.All(call, Catalog.Runbooks, OwnedBy(call))),
            new("POST", p + "runbooks", true, call => CollectionHandlers.Create(call, Catalog.Runbooks, body => body["ProjectId"] = ProjectId(call))),
            new("GET", p + "runbooks/{id}", true, call => CollectionHandlers.Get(call, Catalog.Runbooks, Owned(call, Catalog.Runbooks))),
            new("PUT", p + "runbooks/{id}", true, call => CollectionHandlers.Modify(call, Catalog.Runbooks, Owned(call, Catalog.Runbooks))),
            new("DELETE", p + "runbooks/{id}", true, call => CollectionHandlers.Delete(call, Catalog.Runbooks, Owned(call, Catalog.Runbooks))),
            new("GET", p + "runbookProcesses", true, call => CollectionHandlers.List(call, Catalog.RunbookProcesses, OwnedBy(call))),
            new("GET", p + "runbookProcesses/{id}", true, call => CollectionHandlers.Get(call, Catalog.RunbookProcesses, Owned(call, Catalog.RunbookProcesses))),
            new("PUT", p + "runbookProcesses/{id}", true, call => CollectionHandlers.Modify(call, Catalog.RunbookProcesses, Owned(call, Catalog.RunbookProcesses))),
            new("GET", p + "deploymentprocesses", true, call => CollectionHandlers.Get(call, Catalog.DeploymentProcesses, Project(call).Str("DeploymentProcessId")!)),
            new("PUT", p + "deploymentprocesses", true, call => CollectionHandlers.Modify(call, Catalog.DeploymentProcesses, Project(call).Str("DeploymentProcessId")!)),
            new("GET", p + "variables", true, call => CollectionHandlers.Get(call, Catalog.Variables, Project(call).Str("VariableSetId")!)) { Since = s => s.ProjectVariablesRoute },
            new("PUT", p + "variables", true, call => CollectionHandlers.Modify(call, Catalog.Variables, Project(call).Str("VariableSetId")!)) { Since = s => s.ProjectVariablesRoute },
            new("GET", p + "deploymentsettings", true, DeploymentSettingsHandlers.Get),
            new("PUT", p + "deploymentsettings", true, DeploymentSettingsHandlers.Put),
            new("GET", p + "triggers", true, LinkHandlers.ProjectTriggers),
        ];
    }

    private static JsonObject Project(RouteCall call) => CollectionHandlers.Find(call.Space, Catalog.Projects, call["projectId"]);

    private static string ProjectId(RouteCall call) => Project(call).Str("Id")!;

    private static Func<JsonObject, bool> OwnedBy(RouteCall call)
    {
        var projectId = ProjectId(call);
        return doc => string.Equals(doc.Str("ProjectId"), projectId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The id of a child document, 404 unless it belongs to the project in the route.</summary>
    private static string Owned(RouteCall call, ResourceDescriptor d)
    {
        var doc = CollectionHandlers.Find(call.Space, d, call["id"]);
        if (!string.Equals(doc.Str("ProjectId"), ProjectId(call), StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.NotFound($"The {d.ItemType} '{call["id"]}' does not belong to project '{call["projectId"]}'.");
        }

        return doc.Str("Id")!;
    }
}
