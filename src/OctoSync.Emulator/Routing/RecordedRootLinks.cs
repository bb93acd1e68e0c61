using System.Text.Json.Nodes;
using OctoSync.Emulator.Handlers;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>One link of the recorded 2019.7.12 root document the emulator also advertises, and the routes behind it.</summary>
/// <param name="Name">The link name, as recorded.</param>
/// <param name="Href">The recorded template; <c>{space}</c> stands for <c>/api/{spaceId}</c> (space links).</param>
internal sealed record RecordedRootLink(string Name, string Href, IReadOnlyList<RouteDef> Routes)
{
    public bool SpaceScoped => Href.StartsWith("{space}", StringComparison.Ordinal);
}

/// <summary>
/// Root and space-root links of the recorded 2019.7.12 root (OctopusClients CannedResponses, shared/reference
/// octopus-api-root-2019.7.12.json) whose routes the 2021.2 Swagger has and the emulator can answer truthfully:
/// collections of things a fresh emulator never holds (events, artifacts, interruptions, subscriptions, proxies,
/// project triggers, scoped user roles) as empty pages, and a few facts fixed by what the emulator is (no packages
/// stored, no SMTP configured, not in maintenance mode, the default machine policy as the template). Links to
/// collections the emulator models come from <see cref="Catalog"/>; the links left out are listed with their reason
/// in docs/emulator.md ("Links and routes").
/// </summary>
internal static class RecordedRootLinks
{
    private static readonly ResourceDescriptor Events = Nothing("events", "Events", "Event", "{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,eventGroups,eventCategories,eventAgents,tags,tenants,from,to,internal,fromAutoId,toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem}");
    private static readonly ResourceDescriptor ScopedUserRoles = Nothing("scopeduserroles", "ScopedUserRoles", "ScopedUserRole", "{?skip,take,ids,partialName,spaces,includeSystem}");
    private static readonly ResourceDescriptor Artifacts = Nothing("artifacts", "Artifacts", "Artifact", "{?skip,take,regarding,ids,partialName,order}");
    private static readonly ResourceDescriptor Interruptions = Nothing("interruptions", "Interruptions", "Interruption", "{?skip,take,regarding,pendingOnly,ids}");
    private static readonly ResourceDescriptor Subscriptions = Nothing("subscriptions", "Subscriptions", "Subscription", "{?skip,take,ids,partialName,spaces}");
    private static readonly ResourceDescriptor Proxies = Nothing("proxies", "Proxies", "Proxy", "{?skip,take,ids,partialName}");
    private static readonly ResourceDescriptor ProjectTriggers = Nothing("projecttriggers", "ProjectTriggers", "ProjectTrigger", "{?skip,take,ids}");

    public static IReadOnlyList<RecordedRootLink> All { get; } =
    [
        Empty(Events, "/api/events", spaceScoped: false),
        Empty(ScopedUserRoles, "/api/scopeduserroles", spaceScoped: false),
        Empty(Artifacts, "{space}/artifacts", spaceScoped: true),
        Empty(Interruptions, "{space}/interruptions", spaceScoped: true),
        Empty(Subscriptions, "{space}/subscriptions", spaceScoped: true),
        Empty(Proxies, "{space}/proxies", spaceScoped: true),
        Empty(ProjectTriggers, "{space}/projecttriggers", spaceScoped: true),
        // BuiltInFeedStatsResource: the packages pushed to the built-in feed (`POST /packages/raw`).
        new("BuiltInFeedStats", "/api/feeds/stats", [new("GET", "feeds/stats", true, call => Fact(new JsonObject { ["TotalPackages"] = call.Space.All(Catalog.Packages).Count() }))]),
        // Releases, deployments, tasks and the package upload (routes in ReleaseRoutes; recorded templates). `/api/tasks`
        // is answered for the default space (the real one lists every space's tasks).
        new("Releases", "{space}/releases{/id}{?skip,ignoreChannelRules,take,ids}", []),
        new("Deployments", "{space}/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}", []),
        new("Tasks", "/api/tasks{/id}{?skip,active,environment,tenant,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem}", []),
        new("PackageUpload", "{space}/packages/raw{?overwriteMode}", []),
        // SmtpIsConfiguredResource: nothing configures SMTP on the emulator.
        new("SmtpIsConfigured", "/api/smtpconfiguration/isconfigured", [new("GET", "smtpconfiguration/isconfigured", false, _ => Fact(new JsonObject { ["IsConfigured"] = false }))]),
        // MaintenanceConfigurationResource: the emulator always accepts changes (PUT is not modelled).
        new("MaintenanceConfiguration", "/api/maintenanceconfiguration", [new("GET", "maintenanceconfiguration", false, _ => Fact(new JsonObject { ["IsInMaintenanceMode"] = false }))]),
        // A new machine policy's settings: the Default Machine Policy's (notes §3.20), unnamed.
        new("MachinePolicyTemplate", "{space}/machinepolicies/template", [new("GET", "machinepolicies/template", true, MachinePolicyTemplate)]),
        new("EnvironmentSortOrder", "{space}/environments/sortorder", []),
        new("TagSetSortOrder", "{space}/tagsets/sortorder", []),
        new("WorkerPoolsSortOrder", "{space}/workerpools/sortorder", []),
        new("ActionTemplateLogo", "{space}/actiontemplates/{typeOrId}/logo{?cb}", []),
        new("ActionTemplateVersionedLogo", "{space}/actiontemplates/{typeOrId}/versions/{version}/logo{?cb}",
            [new("GET", "actiontemplates/{id}/versions/{version}/logo", true, LinkHandlers.Logo(Catalog.ActionTemplates))]),
    ];

    /// <summary>The routes behind the links (RouteTable adds them).</summary>
    public static IEnumerable<RouteDef> Routes() => All.SelectMany(l => l.Routes);

    /// <summary>The links with <c>{space}</c> expanded for <paramref name="spaceId"/>; the space root gets only space links.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(string spaceId, bool spaceRoot) => All
        .Where(l => !spaceRoot || l.SpaceScoped)
        .Select(l => new KeyValuePair<string, string>(l.Name, l.Href.Replace("{space}", "/api/" + spaceId, StringComparison.Ordinal)));

    private static ResourceDescriptor Nothing(string collection, string linkName, string itemType, string query) =>
        new(collection, linkName, itemType) { Operations = Operations.None, LinkName = linkName, TemplateQuery = query };

    private static RecordedRootLink Empty(ResourceDescriptor items, string path, bool spaceScoped)
    {
        var d = items with { SystemScoped = !spaceScoped };
        return new(d.LinkName!, path + "{/id}" + d.TemplateQuery, [new("GET", d.Collection, spaceScoped, call => ApiResponse.Ok(CollectionQuery.Page(call, d, [])))]);
    }

    /// <summary>A server fact resource: its own fields plus the Swagger's resource base (Id, LastModified*, Links).</summary>
    private static ApiResponse Fact(JsonObject fields)
    {
        fields["Id"] = null;
        fields["LastModifiedOn"] = null;
        fields["LastModifiedBy"] = null;
        fields["Links"] = new JsonObject();
        return ApiResponse.Ok(fields);
    }

    private static ApiResponse MachinePolicyTemplate(RouteCall call)
    {
        var policy = MachinePolicySeed.Default();
        policy["Id"] = null;
        policy["Name"] = null;
        policy["Description"] = null;
        policy["IsDefault"] = false;
        policy["SpaceId"] = call.Space.SpaceId;
        Resources.Definitions.ResourceDefinitions.Complete(policy, "MachinePolicyResource", call.Space.Profile);
        policy["Links"] = new JsonObject();
        return ApiResponse.Ok(policy);
    }
}
