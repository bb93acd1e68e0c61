using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// Legacy tenant variables (`/tenants/{id}/variables`, API notes §3.12): values per library set template and per
/// connected project × environment × project template. Values are stored per tenant outside the tenant document.
/// </summary>
internal static class TenantVariablesHandlers
{
    private const string Collection = "tenantvariables";

    public static ApiResponse Get(RouteCall call) =>
        ApiResponse.Ok(View(call.Space, CollectionHandlers.Find(call.Space, Catalog.Tenants, call["id"])));

    public static ApiResponse All(RouteCall call)
    {
        var tenants = call.Space.All(Catalog.Tenants);
        if (call.Query.TryGetValue("projectId", out var projectId) && !string.IsNullOrEmpty(projectId))
        {
            tenants = tenants.Where(t => t["ProjectEnvironments"] is JsonObject pe && pe.ContainsKey(projectId.ToString()));
        }

        return ApiResponse.Ok(new JsonArray(CollectionQuery.Sort(Catalog.Tenants, tenants).Select(t => (JsonNode?)View(call.Space, t)).ToArray()));
    }

    public static ApiResponse Put(RouteCall call)
    {
        var tenant = CollectionHandlers.Find(call.Space, Catalog.Tenants, call["id"]);
        var tenantId = tenant.Str("Id")!;
        var body = call.BodyObject;
        var stored = Stored(call.Space, tenantId);
        var incoming = new JsonObject
        {
            ["Id"] = tenantId,
            ["LibraryVariables"] = Values(body["LibraryVariables"] as JsonObject, set => (set["Variables"] as JsonObject)?.Clone()),
            ["ProjectVariables"] = Values(body["ProjectVariables"] as JsonObject, project => (project["Variables"] as JsonObject)?.Clone()),

            // The legacy document cannot carry environment-scoped common values (2025.2+): a legacy write leaves them as
            // they are (unsourced, see docs/emulator.md "Server profiles").
            ["ScopedLibraryVariables"] = stored["ScopedLibraryVariables"]?.DeepClone() ?? new JsonObject(),
        };
        var errors = TenantVariablesRules.Check(call.Space, tenant, incoming);
        if (errors.Count > 0)
        {
            throw ApiException.BadRequest(errors);
        }

        Secrets.Merge(incoming, stored);
        call.Space.Store.Put(call.Space.SpaceId, Collection, incoming);
        return ApiResponse.Ok(View(call.Space, tenant));
    }

    public static JsonObject Stored(SpaceContext space, string tenantId) =>
        space.Store.Find(space.SpaceId, Collection, tenantId) ?? new JsonObject
        {
            ["Id"] = tenantId,
            ["LibraryVariables"] = new JsonObject(),
            ["ProjectVariables"] = new JsonObject(),
        };

    private static JsonObject Values(JsonObject? byKey, Func<JsonObject, JsonObject?> pick)
    {
        var result = new JsonObject();
        foreach (var (key, value) in byKey ?? [])
        {
            if (value is JsonObject entry && pick(entry) is { } values)
            {
                result[key] = values;
            }
        }

        return result;
    }

    private static JsonObject View(SpaceContext space, JsonObject tenant)
    {
        var stored = Stored(space, tenant.Str("Id")!);
        var library = new JsonObject();
        var projects = new JsonObject();
        foreach (var (projectId, environments) in tenant["ProjectEnvironments"] as JsonObject ?? [])
        {
            if (space.Find(Catalog.Projects, projectId) is not { } project)
            {
                continue;
            }

            foreach (var set in project.Strings("IncludedLibraryVariableSetIds").Select(id => space.Find(Catalog.LibraryVariableSets, id)).OfType<JsonObject>())
            {
                library[set.Str("Id")!] = new JsonObject
                {
                    ["LibraryVariableSetId"] = set.Str("Id"),
                    ["LibraryVariableSetName"] = set.Str("Name"),
                    ["Templates"] = set["Templates"]?.DeepClone(),
                    ["Variables"] = (stored["LibraryVariables"] as JsonObject)?[set.Str("Id")!]?.DeepClone() ?? new JsonObject(),
                    ["Links"] = new JsonObject { ["LibraryVariableSet"] = space.SelfPath(Catalog.LibraryVariableSets, set.Str("Id")!) },
                };
            }

            projects[projectId] = new JsonObject
            {
                ["ProjectId"] = projectId,
                ["ProjectName"] = project.Str("Name"),
                ["Templates"] = project["Templates"]?.DeepClone(),
                ["Variables"] = (stored["ProjectVariables"] as JsonObject)?[projectId]?.DeepClone() ?? new JsonObject(),
                ["Links"] = new JsonObject { ["Project"] = space.SelfPath(Catalog.Projects, projectId) },
            };
        }

        var view = new JsonObject
        {
            ["TenantId"] = tenant.Str("Id"),
            ["TenantName"] = tenant.Str("Name"),
            ["SpaceId"] = space.SpaceId,
            ["LibraryVariables"] = library,
            ["ProjectVariables"] = projects,
            ["Links"] = new JsonObject { ["Self"] = space.SelfPath(Catalog.Tenants, tenant.Str("Id")!) + "/variables" },
        };
        Secrets.Redact(view);
        return view;
    }
}
