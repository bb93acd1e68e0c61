using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

/// <summary>
/// Releases, deployments and server tasks (Swagger 2021.2 ReleaseResource, DeploymentResource, TaskResource). Their
/// routes are registered by <see cref="Routing.ReleaseRoutes"/>, not from <see cref="All"/>: lists are newest first
/// (the Swagger's "sorted from most recent to least recent") and several are nested under projects and channels.
/// </summary>
internal static partial class Catalog
{
    public static ResourceDescriptor Releases => field ??= new("releases", "Releases", "Release")
    {
        Definition = "ReleaseResource",
        Operations = Operations.List | Operations.Get | Operations.Create | Operations.Modify | Operations.Delete,
        RequiresName = false,
        Sort = SortBy.Id,
        TemplateQuery = "{?skip,take,searchByVersion}",
        // Snapshots are taken by the server when the release is created (OctopusClients ReleaseResource: ProjectId is
        // WriteableOnCreate, the snapshot ids and Assembled are read-only).
        ServerFields = ["ProjectId", "ProjectDeploymentProcessSnapshotId", "ProjectVariableSetSnapshotId", "LibraryVariableSetSnapshotIds", "Assembled"],
        Prepare = ReleaseRules.Validate,
        OnCreated = ReleaseRules.Snapshot,
        OnDeleted = (space, doc) =>
        {
            foreach (var deployment in space.All(Deployments).Where(d => d.Str("ReleaseId") == doc.Str("Id")).ToList())
            {
                space.Remove(Deployments, deployment.Str("Id")!);
            }
        },
        ExtraLinks = (space, doc) =>
        [
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("Channel", $"/api/{space}/channels/{doc.Str("ChannelId")}"),
            new("Deployments", $"/api/{space}/releases/{doc.Str("Id")}/deployments{{?skip,take}}"),
            new("ProjectDeploymentProcessSnapshot", $"/api/{space}/deploymentprocesses/{doc.Str("ProjectDeploymentProcessSnapshotId")}"),
            new("ProjectVariableSnapshot", $"/api/{space}/variables/{doc.Str("ProjectVariableSetSnapshotId")}"),
        ],
    };

    public static ResourceDescriptor Deployments => field ??= new("deployments", "Deployments", "Deployment")
    {
        Definition = "DeploymentResource",
        Operations = Operations.List | Operations.Get | Operations.Create | Operations.Delete,
        RequiresName = false,
        Sort = SortBy.Id,
        TemplateQuery = "{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}",
        Prepare = DeploymentRules.Validate,
        ExtraLinks = (space, doc) =>
        [
            new("Release", $"/api/{space}/releases/{doc.Str("ReleaseId")}"),
            new("Environment", $"/api/{space}/environments/{doc.Str("EnvironmentId")}"),
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("Task", $"/api/{space}/tasks/{doc.Str("TaskId")}"),
        ],
    };

    /// <summary>Server tasks: created by the server (a deployment's task), read by clients.</summary>
    public static ResourceDescriptor Tasks => field ??= new("tasks", "ServerTasks", "Task")
    {
        Definition = "TaskResource",
        Operations = Operations.List | Operations.Get,
        RequiresName = false,
        Sort = SortBy.Id,
        TemplateQuery = "{?skip,take,ids}",
    };

    /// <summary>Frozen copies of deployment processes and variable sets, one per release (no routes of their own).</summary>
    public static ResourceDescriptor ProcessSnapshots => field ??= new("deploymentprocesssnapshots", "deploymentprocess", "DeploymentProcess")
    {
        Definition = "DeploymentProcessResource",
        Operations = Operations.None,
        RequiresName = false,
    };

    public static ResourceDescriptor VariableSnapshots => field ??= new("variablesetsnapshots", "variableset", "VariableSet")
    {
        Definition = "VariableSetResource",
        Operations = Operations.None,
        RequiresName = false,
    };

    /// <summary>Package versions in feeds (PackageVersionResource), put there by <see cref="PackageShelf"/>.</summary>
    public static ResourceDescriptor PackageVersions => field ??= new("packageversions", "packageversions", "PackageVersion")
    {
        Definition = "PackageVersionResource",
        Operations = Operations.None,
        RequiresName = false,
        TemplateQuery = "{?packageId,skip,take}",
    };
}
