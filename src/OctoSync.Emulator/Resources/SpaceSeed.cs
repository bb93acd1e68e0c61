using System.Text.Json.Nodes;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator.Resources;

/// <summary>What a fresh Octopus install (and every new space) contains before anyone touches it.</summary>
internal static class SpaceSeed
{
    public const string DefaultSpaceId = "Spaces-1";

    /// <summary>Username of `Users-1`, the user every valid API key belongs to.</summary>
    public const string ApiUserName = "admin";

    /// <summary>Seeds a fresh server: the default space with its defaults, system teams and the API key's user.</summary>
    public static void SeedServer(ServerStore store)
    {
        var system = new SpaceContext(store, ServerStore.SystemSpace);
        system.Put(Catalog.Users, new JsonObject
        {
            ["Id"] = store.NextId("Users"),
            ["Username"] = ApiUserName,
            ["DisplayName"] = "Emulator Administrator",
            ["EmailAddress"] = "admin@example.com",
            ["IsActive"] = true,
            ["IsService"] = false,
            ["IsRequestor"] = true,
            ["CanPasswordBeEdited"] = true,
        });
        foreach (var (id, name) in new[]
        {
            ("teams-everyone", "Everyone"),
            ("teams-administrators", "Octopus Administrators"),
            ("teams-managers", "Octopus Managers"),
            ("teams-spacemanagers-" + DefaultSpaceId, "Space Managers"),
        })
        {
            system.Put(Catalog.Teams, new JsonObject
            {
                ["Id"] = id,
                ["Name"] = name,
                ["Description"] = "",
                ["MemberUserIds"] = id == "teams-everyone" ? new JsonArray() : Json.Array(["Users-1"]),
                ["ExternalSecurityGroups"] = new JsonArray(),
                ["CanBeDeleted"] = false,
                ["CanBeRenamed"] = false,
                ["CanChangeMembers"] = id != "teams-everyone",
                ["CanChangeRoles"] = true,
                ["SpaceId"] = id.StartsWith("teams-spacemanagers-", StringComparison.Ordinal) ? DefaultSpaceId : null,
            });
        }

        store.NextId("Spaces"); // Spaces-1 is taken by the default space
        system.Put(Catalog.Spaces, new JsonObject
        {
            ["Id"] = DefaultSpaceId,
            ["Name"] = "Default",
            ["Slug"] = "default",
            ["Description"] = "",
            ["IsDefault"] = true,
            ["TaskQueueStopped"] = false,
            ["SpaceManagersTeams"] = Json.Array(["teams-spacemanagers-" + DefaultSpaceId]),
            ["SpaceManagersTeamMembers"] = new JsonArray(),
        });
        Seed(store, DefaultSpaceId);
    }

    /// <summary>The defaults of a new space: lifecycle, project group, built-in feeds, worker pool, machine policy.</summary>
    public static void Seed(ServerStore store, string spaceId)
    {
        var space = new SpaceContext(store, spaceId);
        Add(space, Catalog.Lifecycles, new JsonObject
        {
            ["Name"] = "Default Lifecycle",
            ["Slug"] = "default-lifecycle",
            ["Description"] = "",
            ["Phases"] = new JsonArray(),
            ["ReleaseRetentionPolicy"] = Catalog.RetentionPolicy(),
            ["TentacleRetentionPolicy"] = Catalog.RetentionPolicy(),
        });
        Add(space, Catalog.ProjectGroups, new JsonObject
        {
            ["Name"] = "Default Project Group",
            ["Slug"] = "default-project-group",
            ["Description"] = "",
            ["EnvironmentIds"] = new JsonArray(),
            ["RetentionPolicyId"] = null,
        });
        Add(space, Catalog.Feeds, new JsonObject
        {
            ["Id"] = "feeds-builtin",
            ["Name"] = "Octopus Server (built-in)",
            ["Slug"] = "octopus-server-built-in",
            ["FeedType"] = "BuiltIn",
            ["DeleteUnreleasedPackagesAfterDays"] = 30,
            ["IsBuiltInRepoSyncEnabled"] = false,
            ["PackageAcquisitionLocationOptions"] = Json.Array(["Server", "ExecutionTarget"]),
        });
        Add(space, Catalog.Feeds, new JsonObject
        {
            ["Id"] = "feeds-builtin-releases",
            ["Name"] = "Octopus Server Releases (built-in)",
            ["Slug"] = "octopus-server-releases-built-in",
            ["FeedType"] = "OctopusProject",
            ["PackageAcquisitionLocationOptions"] = Json.Array(["NotAcquired"]),
        });
        Add(space, Catalog.WorkerPools, new JsonObject
        {
            ["Name"] = "Default Worker Pool",
            ["Slug"] = "default-worker-pool",
            ["Description"] = "",
            ["IsDefault"] = true,
            ["SortOrder"] = 0,
            ["WorkerPoolType"] = "StaticWorkerPool",
            ["CanAddWorkers"] = true,
        });
        Add(space, Catalog.MachinePolicies, MachinePolicySeed.Default());
    }

    private static void Add(SpaceContext space, ResourceDescriptor d, JsonObject doc)
    {
        doc.Default("Id", space.NextId(d));
        doc["SpaceId"] = space.SpaceId;
        space.Put(d, doc);
    }
}
