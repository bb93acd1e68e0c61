using OctoSync.Emulator.Handlers;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>
/// Releases, deployments, tasks, release snapshots and feed package versions (Swagger 2021.2 paths). Registered before
/// the generic collection routes, so `GET deploymentprocesses/{id}` and `GET variables/{id}` also answer a release's
/// snapshot ids.
/// </summary>
internal static class ReleaseRoutes
{
    public static IEnumerable<RouteDef> Build() =>
    [
        new("GET", "releases", true, call => ReleaseHandlers.List(call, _ => true)),
        new("POST", "releases", true, call => CollectionHandlers.Create(call, Catalog.Releases)),
        new("GET", "releases/{id}", true, call => CollectionHandlers.Get(call, Catalog.Releases, call["id"])),
        new("PUT", "releases/{id}", true, call => CollectionHandlers.Modify(call, Catalog.Releases, call["id"])),
        new("DELETE", "releases/{id}", true, call => CollectionHandlers.Delete(call, Catalog.Releases, call["id"])),
        new("GET", "releases/{id}/deployments", true, ReleaseHandlers.ReleaseDeployments),
        new("GET", "projects/{projectId}/releases", true, ReleaseHandlers.ProjectReleases),
        new("GET", "projects/{projectId}/releases/{version}", true, ReleaseHandlers.ByVersion),
        new("GET", "channels/{id}/releases", true, ReleaseHandlers.ChannelReleases),
        new("GET", "deployments", true, ReleaseHandlers.Deployments),
        new("POST", "deployments", true, call => CollectionHandlers.Create(call, Catalog.Deployments)),
        new("GET", "deployments/{id}", true, call => CollectionHandlers.Get(call, Catalog.Deployments, call["id"])),
        new("DELETE", "deployments/{id}", true, call => CollectionHandlers.Delete(call, Catalog.Deployments, call["id"])),
        new("GET", "tasks", true, ReleaseHandlers.Tasks),
        new("GET", "tasks/{id}", true, ReleaseHandlers.Task),
        new("GET", "deploymentprocesses/{id}", true, ReleaseHandlers.Process),
        new("GET", "deploymentprocesses/{id}/template", true, ReleaseHandlers.Template),
        new("GET", "variables/{id}", true, ReleaseHandlers.Variables),
        new("GET", "feeds/{id}/packages/versions", true, ReleaseHandlers.PackageVersions),
        new("POST", "packages/raw", true, PackageUploadHandler.Upload),
    ];
}
