using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>Small read-only views over other collections (`/machineroles/all`, `/environments/{id}/machines`, ...).</summary>
internal static class MiscHandlers
{
    public static ApiResponse MachineRoles(RouteCall call) =>
        ApiResponse.Ok(Json.Array(VariableSetView.MachineRoles(call.Space)));

    public static ApiResponse EnvironmentMachines(RouteCall call)
    {
        var id = CollectionHandlers.Find(call.Space, Catalog.Environments, call["id"]).Str("Id")!;
        return CollectionHandlers.List(call, Catalog.Machines, m => m.Strings("EnvironmentIds").Contains(id, StringComparer.OrdinalIgnoreCase));
    }

    public static ApiResponse ProjectGroupProjects(RouteCall call) => ProjectsWhere(call, Catalog.ProjectGroups, "ProjectGroupId");

    public static ApiResponse LifecycleProjects(RouteCall call)
    {
        var id = CollectionHandlers.Find(call.Space, Catalog.Lifecycles, call["id"]).Str("Id")!;
        var projects = call.Space.All(Catalog.Projects).Where(p => string.Equals(p.Str("LifecycleId"), id, StringComparison.OrdinalIgnoreCase));
        return ApiResponse.Ok(Presenter.PresentAll(call.Space, Catalog.Projects, CollectionQuery.Sort(Catalog.Projects, projects)));
    }

    public static ApiResponse PoolWorkers(RouteCall call)
    {
        var id = CollectionHandlers.Find(call.Space, Catalog.WorkerPools, call["id"]).Str("Id")!;
        return CollectionHandlers.List(call, Catalog.Workers, w => w.Strings("WorkerPoolIds").Contains(id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The spaces a user can see (Octopus.Client resolves the default space through this link).</summary>
    public static ApiResponse UserSpaces(RouteCall call)
    {
        CollectionHandlers.Find(call.Space, Catalog.Users, call["id"]);
        return ApiResponse.Ok(Presenter.PresentAll(call.Space, Catalog.Spaces, CollectionQuery.Sort(Catalog.Spaces, call.Space.All(Catalog.Spaces))));
    }

    private static ApiResponse ProjectsWhere(RouteCall call, ResourceDescriptor owner, string field)
    {
        var id = CollectionHandlers.Find(call.Space, owner, call["id"]).Str("Id")!;
        return CollectionHandlers.List(call, Catalog.Projects, (JsonObject p) => string.Equals(p.Str(field), id, StringComparison.OrdinalIgnoreCase));
    }
}
