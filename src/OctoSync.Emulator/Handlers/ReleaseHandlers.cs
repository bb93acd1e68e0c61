using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// Releases, deployments, tasks, snapshots and package versions (Swagger 2021.2 paths; docs/emulator.md). Lists are
/// "ordered from most recent to least recent" as the Swagger says of releases, deployments and tasks.
/// </summary>
internal static class ReleaseHandlers
{
    /// <summary>`GET /releases` (every project), `/projects/{id}/releases`, `/channels/{id}/releases`, with `searchByVersion` (contains).</summary>
    public static ApiResponse List(RouteCall call, Func<JsonObject, bool> scope)
    {
        var releases = call.Space.All(Catalog.Releases).Where(scope);
        if (call.Query.TryGetValue("ids", out var ids) && Filters.Values(ids).ToHashSet(StringComparer.OrdinalIgnoreCase) is { Count: > 0 } wanted)
        {
            // The recorded root's Releases template has `ids`.
            releases = releases.Where(r => wanted.Contains(r.Str("Id") ?? ""));
        }
        if (call.Query.TryGetValue("searchByVersion", out var search) && !string.IsNullOrEmpty(search))
        {
            releases = releases.Where(r => (r.Str("Version") ?? "").Contains(search.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        return ApiResponse.Ok(CollectionQuery.Page(call, Catalog.Releases, Newest(releases)));
    }

    public static ApiResponse ProjectReleases(RouteCall call)
    {
        var projectId = CollectionHandlers.Find(call.Space, Catalog.Projects, call["projectId"]).Str("Id");
        return List(call, r => r.Str("ProjectId") == projectId);
    }

    public static ApiResponse ChannelReleases(RouteCall call)
    {
        var channelId = CollectionHandlers.Find(call.Space, Catalog.Channels, call["id"]).Str("Id");
        return List(call, r => r.Str("ChannelId") == channelId);
    }

    /// <summary>`GET /projects/{id}/releases/{version}`: "a single release by project ID and version number".</summary>
    public static ApiResponse ByVersion(RouteCall call)
    {
        var project = CollectionHandlers.Find(call.Space, Catalog.Projects, call["projectId"]);
        var version = call["version"];
        var release = call.Space.All(Catalog.Releases).FirstOrDefault(r => r.Str("ProjectId") == project.Str("Id")
                && string.Equals(r.Str("Version"), version, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiException.NotFound($"The Release with version '{version}' was not found in project '{project.Str("Name")}'.");
        return ApiResponse.Ok(Presenter.Present(call.Space, Catalog.Releases, release));
    }

    /// <summary>`GET /releases/{id}/deployments`.</summary>
    public static ApiResponse ReleaseDeployments(RouteCall call)
    {
        var releaseId = CollectionHandlers.Find(call.Space, Catalog.Releases, call["id"]).Str("Id");
        return ApiResponse.Ok(CollectionQuery.Page(call, Catalog.Deployments,
            Newest(call.Space.All(Catalog.Deployments).Where(d => d.Str("ReleaseId") == releaseId))));
    }

    /// <summary>`GET /deployments` with the Swagger's filters (`ids`, `projects`, `environments`, `channels`, `tenants`, `taskState`).</summary>
    public static ApiResponse Deployments(RouteCall call)
    {
        var deployments = call.Space.All(Catalog.Deployments);
        foreach (var (query, field) in new[] { ("ids", "Id"), ("projects", "ProjectId"), ("environments", "EnvironmentId"), ("channels", "ChannelId"), ("tenants", "TenantId") })
        {
            if (call.Query.TryGetValue(query, out var raw) && Filters.Values(raw).ToHashSet(StringComparer.OrdinalIgnoreCase) is { Count: > 0 } wanted)
            {
                deployments = deployments.Where(d => wanted.Contains(d.Str(field) ?? ""));
            }
        }

        if (call.Query.TryGetValue("taskState", out var state) && !string.IsNullOrEmpty(state))
        {
            deployments = deployments.Where(d => string.Equals(call.Space.Find(Catalog.Tasks, d.Str("TaskId"))?.Str("State"), state.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        return ApiResponse.Ok(CollectionQuery.Page(call, Catalog.Deployments, Newest(deployments)));
    }

    public static ApiResponse Tasks(RouteCall call) =>
        ApiResponse.Ok(CollectionQuery.Page(call, Catalog.Tasks, Newest(CollectionQuery.Apply(Catalog.Tasks, call.Space.All(Catalog.Tasks), call.Query, call.Space.Profile))));

    /// <summary>`GET /tasks/{id}`: a queued task has run by the time it is read again (<see cref="ServerTasks"/>).</summary>
    public static ApiResponse Task(RouteCall call)
    {
        var task = CollectionHandlers.Find(call.Space, Catalog.Tasks, call["id"]);
        var answer = Presenter.Present(call.Space, Catalog.Tasks, task);
        ServerTasks.Advance(task);
        return ApiResponse.Ok(answer);
    }

    /// <summary>`GET /deploymentprocesses/{id}`: a project's process, or the snapshot a release took of it.</summary>
    public static ApiResponse Process(RouteCall call) =>
        call.Space.Find(Catalog.ProcessSnapshots, call["id"]) is { } snapshot
            ? ApiResponse.Ok(Presenter.Present(call.Space, Catalog.DeploymentProcesses, snapshot))
            : CollectionHandlers.Get(call, Catalog.DeploymentProcesses, call["id"]);

    /// <summary>`GET /variables/{id}`: a variable set, or the snapshot a release took of one.</summary>
    public static ApiResponse Variables(RouteCall call) =>
        call.Space.Find(Catalog.VariableSnapshots, call["id"]) is { } snapshot
            ? ApiResponse.Ok(Presenter.Present(call.Space, Catalog.Variables, snapshot))
            : CollectionHandlers.Get(call, Catalog.Variables, call["id"]);

    /// <summary>`GET /feeds/{id}/packages/versions?packageId=` (PackageVersionResourceCollection), newest version first.</summary>
    public static ApiResponse PackageVersions(RouteCall call)
    {
        var feed = CollectionHandlers.Find(call.Space, Catalog.Feeds, call["id"]);
        if (!call.Query.TryGetValue("packageId", out var packageId) || string.IsNullOrWhiteSpace(packageId))
        {
            // The Swagger marks packageId as required.
            throw ApiException.BadRequest("Please specify the packageId to search for.");
        }

        var versions = call.Space.All(Catalog.PackageVersions)
            .Where(p => p.Str("FeedId") == feed.Str("Id") && string.Equals(p.Str("PackageId"), packageId.ToString(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Str("Version"), PackageVersionOrder.Instance)
            .ToList();
        return ApiResponse.Ok(CollectionQuery.Page(call, Catalog.PackageVersions, versions));
    }

    /// <summary>
    /// `GET /deploymentprocesses/{id}/template` (ReleaseTemplateResource): what a new release of the process needs — its
    /// packages (with the feed and the version the last release chose), the last release's version and the next one.
    /// </summary>
    public static ApiResponse Template(RouteCall call)
    {
        // A release's snapshot advertises the same Template link as the process it was taken from.
        var process = call.Space.Find(Catalog.ProcessSnapshots, call["id"]) ?? CollectionHandlers.Find(call.Space, Catalog.DeploymentProcesses, call["id"]);
        var project = call.Space.Find(Catalog.Projects, process.Str("ProjectId"));
        var last = Newest(call.Space.All(Catalog.Releases).Where(r => r.Str("ProjectId") == process.Str("ProjectId"))).FirstOrDefault();
        var packages = new JsonArray();
        foreach (var step in process.Objects("Steps"))
        {
            foreach (var action in step.Objects("Actions").Where(a => !a.Bool("IsDisabled")))
            {
                foreach (var package in action.Objects("Packages"))
                {
                    var feed = call.Space.Find(Catalog.Feeds, package.Str("FeedId"));
                    var chosen = last?.Objects("SelectedPackages").FirstOrDefault(s => s.Str("ActionName") == action.Str("Name") && (s.Str("PackageReferenceName") ?? "") == (package.Str("Name") ?? ""));
                    packages.Add(new JsonObject
                    {
                        ["ActionName"] = action.Str("Name"),
                        ["PackageReferenceName"] = package.Str("Name") ?? "",
                        ["StepName"] = step.Str("Name"),
                        ["PackageId"] = package.Str("PackageId"),
                        ["FeedId"] = package.Str("FeedId"),
                        ["FeedName"] = feed?.Str("Name"),
                        ["NuGetPackageId"] = package.Str("PackageId"),
                        ["NuGetFeedId"] = package.Str("FeedId"),
                        ["NuGetFeedName"] = feed?.Str("Name"),
                        ["VersionSelectedLastRelease"] = chosen?.Str("Version"),
                        ["ProjectName"] = project?.Str("Name"),
                        ["IsResolvable"] = true,
                    });
                }
            }
        }

        return ApiResponse.Ok(new JsonObject
        {
            ["Id"] = null,
            ["DeploymentProcessId"] = process.Str("Id"),
            ["LastReleaseVersion"] = last?.Str("Version"),
            ["NextVersionIncrement"] = NextVersion(last?.Str("Version")),
            ["VersioningPackageStepName"] = null,
            ["VersioningPackageReferenceName"] = null,
            ["Packages"] = packages,
            ["LastModifiedOn"] = null,
            ["LastModifiedBy"] = null,
            ["Links"] = new JsonObject(),
        });
    }

    /// <summary>The project's default template `LastMajor.LastMinor.NextPatch` applied to the last version (0.0.1 when none).</summary>
    private static string NextVersion(string? last)
    {
        var parts = (last ?? "").Split('-')[0].Split('.');
        return parts.Length >= 3 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor) && int.TryParse(parts[2], out var patch)
            ? $"{major}.{minor}.{patch + 1}"
            : "0.0.1";
    }

    private static List<JsonObject> Newest(IEnumerable<JsonObject> docs) =>
        docs.OrderByDescending(x => x.Str("Id"), IdComparer.Instance).ToList();
}
