using OctoSync.Emulator.Handlers;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>Every route the emulator serves: generic collection routes from <see cref="Catalog"/> plus the special ones.</summary>
internal static class RouteTable
{
    public static IReadOnlyList<RouteDef> Build()
    {
        var routes = new List<RouteDef>
        {
            new("GET", "", false, RootHandlers.Root),
            new("GET", "", true, RootHandlers.SpaceRoot),
            new("GET", "users/me", false, call => CollectionHandlers.Get(call, Catalog.Users, "Users-1")),
            new("GET", "users/{id}/spaces", false, MiscHandlers.UserSpaces),
            new("GET", "machineroles/all", true, MiscHandlers.MachineRoles),
            new("GET", "variables/all", true, call => CollectionHandlers.All(call, Catalog.Variables)),
            new("GET", "tenants/{id}/variables", true, TenantVariablesHandlers.Get),
            new("GET", "tenantvariables/all", true, TenantVariablesHandlers.All),
            new("PUT", "tenants/{id}/variables", true, TenantVariablesHandlers.Put),
            new("POST", "tenants/{id}/variables", true, TenantVariablesHandlers.Put),
            new("GET", "tenants/{id}/commonvariables", true, TenantVariablesV2Handlers.GetCommon) { Since = s => s.TenantVariablesV2 },
            new("PUT", "tenants/{id}/commonvariables", true, TenantVariablesV2Handlers.PutCommon) { Since = s => s.TenantVariablesV2 },
            new("GET", "tenants/{id}/projectvariables", true, TenantVariablesV2Handlers.GetProject) { Since = s => s.TenantVariablesV2 },
            new("PUT", "tenants/{id}/projectvariables", true, TenantVariablesV2Handlers.PutProject) { Since = s => s.TenantVariablesV2 },
            new("PUT", "environments/sortorder", true, LinkHandlers.SortOrder(Catalog.Environments)),
            new("PUT", "tagsets/sortorder", true, LinkHandlers.SortOrder(Catalog.TagSets)),
            new("PUT", "workerpools/sortorder", true, LinkHandlers.SortOrder(Catalog.WorkerPools)),
            new("GET", "projects/{id}/logo", true, LinkHandlers.Logo(Catalog.Projects)),
            new("GET", "tenants/{id}/logo", true, LinkHandlers.Logo(Catalog.Tenants)),
            new("GET", "actiontemplates/{id}/logo", true, LinkHandlers.Logo(Catalog.ActionTemplates)),
            new("GET", "spaces/{id}/logo", false, LinkHandlers.Logo(Catalog.Spaces)),
            new("GET", "actiontemplates/{id}/usage", true, LinkHandlers.ActionTemplateUsage),
            new("GET", "teams/{id}/scopeduserroles", false, LinkHandlers.TeamScopedUserRoles),
            new("GET", "teams/{id}/scopeduserroles", true, LinkHandlers.TeamScopedUserRoles),
            new("GET", "users/{id}/teams", false, LinkHandlers.UserTeams),
            new("GET", "environments/{id}/machines", true, MiscHandlers.EnvironmentMachines),
            new("GET", "projectgroups/{id}/projects", true, MiscHandlers.ProjectGroupProjects),
            new("GET", "lifecycles/{id}/projects", true, MiscHandlers.LifecycleProjects),
            new("GET", "workerpools/{id}/workers", true, MiscHandlers.PoolWorkers),
            new("POST", "certificates/{id}/replace", true, CertificateHandlers.Replace),
            new("POST", "certificates/{id}/archive", true, CertificateHandlers.Archive),
            new("POST", "certificates/{id}/unarchive", true, CertificateHandlers.Unarchive),
        };
        routes.AddRange(ReleaseRoutes.Build());
        routes.AddRange(ProjectRoutes.Build());
        routes.AddRange(TeamRoutes.Build());
        routes.AddRange(RecordedRootLinks.Routes());
        foreach (var d in Catalog.All)
        {
            routes.AddRange(CollectionRoutes(d));
        }

        return routes;
    }

    private static IEnumerable<RouteDef> CollectionRoutes(ResourceDescriptor d)
    {
        var space = !d.SystemScoped;
        var c = d.Collection;
        if (d.Can(Operations.List))
        {
            yield return new("GET", c, space, call => CollectionHandlers.List(call, d));
        }

        if (d.Can(Operations.All))
        {
            yield return new("GET", c + "/all", space, call => CollectionHandlers.All(call, d));
        }

        if (d.Can(Operations.Get))
        {
            yield return new("GET", c + "/{id}", space, call => CollectionHandlers.Get(call, d, call["id"]));
        }

        if (d.Can(Operations.Create))
        {
            yield return new("POST", c, space, call => CollectionHandlers.Create(call, d));
        }

        if (d.Can(Operations.Modify))
        {
            yield return new("PUT", c + "/{id}", space, call => CollectionHandlers.Modify(call, d, call["id"]));
        }

        if (d.Can(Operations.Delete))
        {
            yield return new("DELETE", c + "/{id}", space, call => CollectionHandlers.Delete(call, d, call["id"]));
        }
    }
}
