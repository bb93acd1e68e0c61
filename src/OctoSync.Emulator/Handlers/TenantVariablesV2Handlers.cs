using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// Tenant variables v2 (`GET|PUT /tenants/{id}/commonvariables` and `/projectvariables`; self-hosted from 2025.2, see
/// docs/emulator.md "Server profiles"): the same values as the legacy `/tenants/{id}/variables` (one store), as flat
/// lists. Shapes from OctopusClients `TenantCommonVariable`/`TenantProjectVariable` and the Get/Modify request and
/// response classes, go-octopusdeploy `variables.TenantCommonVariable`, api-client.ts `TenantCommonVariableV2`: each value
/// `{Id, LibraryVariableSetId | ProjectId, …Name, TemplateId, Template, Value, Scope: {EnvironmentIds}}`; the answer
/// `{TenantId, Variables, MissingVariables}` (MissingVariables only with `includeMissingVariables=true`).
/// A PUT replaces that half of the tenant's values (common or project) with the list sent.
/// </summary>
internal static class TenantVariablesV2Handlers
{
    public static ApiResponse GetCommon(RouteCall call) => ApiResponse.Ok(View(call, common: true, IncludeMissing(call)));

    public static ApiResponse GetProject(RouteCall call) => ApiResponse.Ok(View(call, common: false, IncludeMissing(call)));

    public static ApiResponse PutCommon(RouteCall call) => Put(call, common: true);

    public static ApiResponse PutProject(RouteCall call) => Put(call, common: false);

    private static bool IncludeMissing(RouteCall call) =>
        call.Query.FirstOrDefault(q => string.Equals(q.Key, "includeMissingVariables", StringComparison.OrdinalIgnoreCase)).Value.ToString()
            .Equals("true", StringComparison.OrdinalIgnoreCase);

    private static ApiResponse Put(RouteCall call, bool common)
    {
        var tenant = CollectionHandlers.Find(call.Space, Catalog.Tenants, call["id"]);
        var tenantId = tenant.Str("Id")!;
        var stored = TenantVariablesHandlers.Stored(call.Space, tenantId);
        var values = new JsonObject();
        var scoped = new JsonObject();
        var errors = new List<string>();
        foreach (var item in (call.BodyObject["Variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var owner = item.Str(common ? "LibraryVariableSetId" : "ProjectId");
            var templateId = item.Str("TemplateId");
            var environments = (item["Scope"] as JsonObject)?["EnvironmentIds"] as JsonArray ?? [];
            if (owner is null || templateId is null)
            {
                errors.Add($"Each variable needs {(common ? "LibraryVariableSetId" : "ProjectId")} and TemplateId.");
                continue;
            }

            var section = values[owner] as JsonObject ?? [];
            values[owner] = section;
            if (common)
            {
                if (environments.Count > 0)
                {
                    // Environment-scoped common values (2025.2, Issues#9414): several per template, each with its environments.
                    var byTemplate = scoped[owner] as JsonObject ?? [];
                    scoped[owner] = byTemplate;
                    var byScope = byTemplate[templateId] as JsonObject ?? [];
                    byTemplate[templateId] = byScope;
                    if (ScopeKey(environments) is not { Length: > 0 } key)
                    {
                        errors.Add($"Common variable {templateId}: Scope.EnvironmentIds holds no environment id.");
                        continue;
                    }

                    byScope[key] = item["Value"]?.DeepClone();
                    continue;
                }

                if (section.ContainsKey(templateId))
                {
                    errors.Add($"Common variable {templateId}: more than one unscoped value for this template.");
                    continue;
                }

                section[templateId] = item["Value"]?.DeepClone();
                continue;
            }

            foreach (var environment in environments.Select(e => e?.ToString()).OfType<string>())
            {
                var perEnvironment = section[environment] as JsonObject ?? [];
                section[environment] = perEnvironment;
                perEnvironment[templateId] = item["Value"]?.DeepClone();
            }
        }

        var incoming = new JsonObject
        {
            ["Id"] = tenantId,
            ["LibraryVariables"] = common ? values : stored["LibraryVariables"]?.DeepClone() ?? new JsonObject(),
            ["ProjectVariables"] = common ? stored["ProjectVariables"]?.DeepClone() ?? new JsonObject() : values,
            ["ScopedLibraryVariables"] = common ? scoped : stored["ScopedLibraryVariables"]?.DeepClone() ?? new JsonObject(),
        };
        errors.AddRange(TenantVariablesRules.Check(call.Space, tenant, incoming));
        if (errors.Count > 0)
        {
            throw ApiException.BadRequest(errors);
        }

        Secrets.Merge(incoming, stored);
        call.Space.Store.Put(call.Space.SpaceId, "tenantvariables", incoming);
        var view = View(call, common, includeMissing: false);
        view.Remove("MissingVariables");
        return ApiResponse.Ok(view);
    }

    /// <summary>A scope's environments as one key (sorted, comma-joined), so the same scope sent again meets its stored secret.</summary>
    private static string ScopeKey(JsonArray environments) =>
        string.Join(',', environments.Select(e => e?.ToString()).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));

    private static JsonObject View(RouteCall call, bool common, bool includeMissing)
    {
        var space = call.Space;
        var tenant = CollectionHandlers.Find(space, Catalog.Tenants, call["id"]);
        var tenantId = tenant.Str("Id")!;
        var stored = TenantVariablesHandlers.Stored(space, tenantId);
        var variables = new JsonArray();
        var missing = new JsonArray();
        var seenSets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (projectId, environments) in tenant["ProjectEnvironments"] as JsonObject ?? [])
        {
            if (space.Find(Catalog.Projects, projectId) is not { } project)
            {
                continue;
            }

            if (common)
            {
                foreach (var set in project.Strings("IncludedLibraryVariableSetIds").Select(id => space.Find(Catalog.LibraryVariableSets, id)).OfType<JsonObject>())
                {
                    var setId = set.Str("Id")!;
                    if (!seenSets.Add(setId))
                    {
                        continue;
                    }

                    var values = (stored["LibraryVariables"] as JsonObject)?[setId] as JsonObject;
                    foreach (var template in (set["Templates"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var templateId = template.Str("Id")!;
                        var value = values?[templateId];
                        var entry = new JsonObject
                        {
                            ["Id"] = value is null ? null : $"TenantVariables-{tenantId}-{setId}-{templateId}",
                            ["LibraryVariableSetId"] = setId,
                            ["LibraryVariableSetName"] = set.Str("Name"),
                            ["TemplateId"] = templateId,
                            ["Template"] = template.DeepClone(),
                            ["Value"] = value?.DeepClone() ?? template["DefaultValue"]?.DeepClone(),
                            ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray() },
                        };
                        (value is null ? missing : variables).Add(entry);
                        foreach (var (scope, scopedValue) in ((stored["ScopedLibraryVariables"] as JsonObject)?[setId] as JsonObject)?[templateId] as JsonObject ?? [])
                        {
                            variables.Add(new JsonObject
                            {
                                ["Id"] = $"TenantVariables-{tenantId}-{setId}-{templateId}-{scope.Replace(',', '-')}",
                                ["LibraryVariableSetId"] = setId,
                                ["LibraryVariableSetName"] = set.Str("Name"),
                                ["TemplateId"] = templateId,
                                ["Template"] = template.DeepClone(),
                                ["Value"] = scopedValue?.DeepClone(),
                                ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray(scope.Split(',').Select(e => (JsonNode?)e).ToArray()) },
                            });
                        }
                    }
                }

                continue;
            }

            var projectValues = (stored["ProjectVariables"] as JsonObject)?[projectId] as JsonObject;
            foreach (var environment in (environments as JsonArray ?? []).Select(e => e?.ToString()).OfType<string>())
            {
                foreach (var template in (project["Templates"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var templateId = template.Str("Id")!;
                    var value = (projectValues?[environment] as JsonObject)?[templateId];
                    var entry = new JsonObject
                    {
                        ["Id"] = value is null ? null : $"TenantVariables-{tenantId}-{projectId}-{environment}-{templateId}",
                        ["ProjectId"] = projectId,
                        ["ProjectName"] = project.Str("Name"),
                        ["TemplateId"] = templateId,
                        ["Template"] = template.DeepClone(),
                        ["Value"] = value?.DeepClone() ?? template["DefaultValue"]?.DeepClone(),
                        ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray(environment) },
                    };
                    (value is null ? missing : variables).Add(entry);
                }
            }
        }

        var view = new JsonObject
        {
            ["TenantId"] = tenantId,
            ["Variables"] = variables,
            ["MissingVariables"] = includeMissing ? missing : null,
        };
        Secrets.Redact(view);
        return view;
    }
}
