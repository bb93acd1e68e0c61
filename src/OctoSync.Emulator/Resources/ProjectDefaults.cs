using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>What a new project gets, what it owns and the links it carries (§3.5 of the API notes).</summary>
internal static class ProjectDefaults
{
    public static void Apply(JsonObject doc)
    {
        doc.Default("Description", "");
        doc.Default("IsDisabled", false);
        doc.Default("IncludedLibraryVariableSetIds", new JsonArray());
        doc.Default("TenantedDeploymentMode", "Untenanted");
        doc.Default("DiscreteChannelRelease", false);
        doc.Default("DefaultGuidedFailureMode", "EnvironmentDefault");
        doc.Default("DefaultToSkipIfAlreadyInstalled", false);
        doc.Default("AutoCreateRelease", false);
        doc.Default("AutoDeployReleaseOverrides", new JsonArray());
        doc.Default("ReleaseCreationStrategy", new JsonObject
        {
            ["ChannelId"] = null,
            ["ReleaseCreationPackage"] = null,
            ["ReleaseCreationPackageStepId"] = null,
        });
        doc.Default("VersioningStrategy", new JsonObject
        {
            ["Template"] = "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}",
            ["DonorPackage"] = null,
            ["DonorPackageStepId"] = null,
        });
        doc.Default("ProjectConnectivityPolicy", new JsonObject
        {
            ["AllowDeploymentsToNoTargets"] = false,
            ["ExcludeUnhealthyTargets"] = false,
            ["SkipMachineBehavior"] = "None",
            ["TargetRoles"] = new JsonArray(),
        });
        doc.Default("Templates", new JsonArray());
        doc.Default("ReleaseNotesTemplate", null);
        doc.Default("IsVersionControlled", false);
        doc.Default("PersistenceSettings", new JsonObject { ["Type"] = "Database" });
        doc.Default("ClonedFromProjectId", null);
        doc.Default("ExtensionSettings", new JsonArray());
        Json.EnsureIds(doc["Templates"] as JsonArray);
    }

    /// <summary>A new project comes with its variable set, an empty deployment process and a "Default" channel.</summary>
    public static void CreateOwnedResources(SpaceContext space, JsonObject project)
    {
        var id = project.Str("Id")!;
        space.Put(Catalog.Variables, VariableSet(space, (string)project["VariableSetId"]!, id));
        space.Put(Catalog.DeploymentProcesses, new JsonObject
        {
            ["Id"] = project.Str("DeploymentProcessId"),
            ["ProjectId"] = id,
            ["Version"] = 0,
            ["LastSnapshotId"] = null,
            ["Steps"] = new JsonArray(),
            ["SpaceId"] = space.SpaceId,
        });
        space.Put(Catalog.Channels, new JsonObject
        {
            ["Id"] = space.NextId(Catalog.Channels),
            ["Name"] = "Default",
            ["Slug"] = "default",
            ["Description"] = "",
            ["ProjectId"] = id,
            ["LifecycleId"] = null,
            ["IsDefault"] = true,
            ["Rules"] = new JsonArray(),
            ["TenantTags"] = new JsonArray(),
            ["SpaceId"] = space.SpaceId,
        });
    }

    public static JsonObject VariableSet(SpaceContext space, string id, string ownerId) => new()
    {
        ["Id"] = id,
        ["OwnerId"] = ownerId,
        ["Version"] = 0,
        ["Variables"] = new JsonArray(),
        ["SpaceId"] = space.SpaceId,
    };

    /// <summary>Deleting a project removes what it owns: channels, process, variable set, runbooks.</summary>
    public static void DeleteOwnedResources(SpaceContext space, JsonObject project)
    {
        var id = project.Str("Id")!;
        foreach (var channel in space.All(Catalog.Channels).Where(c => c.Str("ProjectId") == id).ToList())
        {
            space.Remove(Catalog.Channels, channel.Str("Id")!);
        }

        foreach (var runbook in space.All(Catalog.Runbooks).Where(r => r.Str("ProjectId") == id).ToList())
        {
            space.Remove(Catalog.Runbooks, runbook.Str("Id")!);
            space.Remove(Catalog.RunbookProcesses, runbook.Str("RunbookProcessId")!);
        }

        space.Remove(Catalog.DeploymentProcesses, project.Str("DeploymentProcessId")!);
        space.Remove(Catalog.Variables, project.Str("VariableSetId")!);
    }

    public static IEnumerable<KeyValuePair<string, string>> Links(string space, string id) =>
    [
        new("Web", $"/app#/{space}/projects/{id}"),
        new("Channels", $"/api/{space}/projects/{id}/channels{{?skip,take,partialName}}"),
        new("DeploymentProcess", $"/api/{space}/projects/{id}/deploymentprocesses"),
        new("Variables", $"/api/{space}/variables/variableset-{id}"),
        new("Runbooks", $"/api/{space}/projects/{id}/runbooks{{?skip,take,partialName}}"),
        new("RunbookProcesses", $"/api/{space}/projects/{id}/runbookProcesses{{?skip,take}}"),
        new("Releases", $"/api/{space}/projects/{id}/releases{{/version}}{{?skip,take,searchByVersion}}"),
        new("Triggers", $"/api/{space}/projects/{id}/triggers{{?skip,take,partialName,triggerActionType}}"),
        new("DeploymentSettings", $"/api/{space}/projects/{id}/deploymentsettings"),
        new("Logo", $"/api/{space}/projects/{id}/logo"),
    ];
}
