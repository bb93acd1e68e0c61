using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>Tenant variable keys must name things the tenant is connected to: library sets, projects, environments, templates.</summary>
internal static class TenantVariablesRules
{
    public static List<string> Check(SpaceContext space, JsonObject tenant, JsonObject incoming)
    {
        var errors = new List<string>();
        var connections = tenant["ProjectEnvironments"] as JsonObject ?? [];
        foreach (var (setId, values) in incoming["LibraryVariables"] as JsonObject ?? [])
        {
            if (space.Find(Catalog.LibraryVariableSets, setId) is not { } set)
            {
                errors.Add($"LibraryVariables: the LibraryVariableSet '{setId}' does not exist in space {space.SpaceId}.");
                continue;
            }

            CheckTemplates(errors, set, values as JsonObject, $"LibraryVariables[{setId}]");
        }

        foreach (var (projectId, byEnvironment) in incoming["ProjectVariables"] as JsonObject ?? [])
        {
            if (space.Find(Catalog.Projects, projectId) is not { } project || !connections.ContainsKey(projectId))
            {
                errors.Add($"ProjectVariables: the project '{projectId}' does not exist or is not connected to tenant {tenant.Str("Id")}.");
                continue;
            }

            foreach (var (environmentId, values) in byEnvironment as JsonObject ?? [])
            {
                if (space.Find(Catalog.Environments, environmentId) is null)
                {
                    errors.Add($"ProjectVariables[{projectId}]: the Environment '{environmentId}' does not exist in space {space.SpaceId}.");
                }

                CheckTemplates(errors, project, values as JsonObject, $"ProjectVariables[{projectId}][{environmentId}]");
            }
        }

        CheckScoped(space, errors, incoming["ScopedLibraryVariables"] as JsonObject);
        return errors;
    }

    /// <summary>
    /// Common values scoped to environments (v2 only, 2025.2+, OctopusDeploy/Issues#9414): per template, each environment in
    /// at most one scope (the OctopusDeploy PowerShell module's Set-CommonTenantVariable splits overlapping scopes rather
    /// than sending them), every environment existing.
    /// </summary>
    private static void CheckScoped(SpaceContext space, List<string> errors, JsonObject? scoped)
    {
        foreach (var (setId, byTemplate) in scoped ?? [])
        {
            if (space.Find(Catalog.LibraryVariableSets, setId) is not { } set)
            {
                errors.Add($"LibraryVariables: the LibraryVariableSet '{setId}' does not exist in space {space.SpaceId}.");
                continue;
            }

            CheckTemplates(errors, set, byTemplate as JsonObject, $"LibraryVariables[{setId}]");
            foreach (var (templateId, byScope) in byTemplate as JsonObject ?? [])
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (scope, _) in byScope as JsonObject ?? [])
                {
                    foreach (var environmentId in scope.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (space.Find(Catalog.Environments, environmentId) is null)
                        {
                            errors.Add($"LibraryVariables[{setId}][{templateId}]: the Environment '{environmentId}' does not exist in space {space.SpaceId}.");
                        }
                        else if (!seen.Add(environmentId))
                        {
                            errors.Add($"LibraryVariables[{setId}][{templateId}]: the Environment '{environmentId}' is in more than one scope of this template.");
                        }
                    }
                }
            }
        }
    }

    private static void CheckTemplates(List<string> errors, JsonObject owner, JsonObject? values, string where)
    {
        var templates = owner.Objects("Templates").Select(t => t.Str("Id")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (templateId, _) in values ?? [])
        {
            if (!templates.Contains(templateId))
            {
                errors.Add($"{where}: the variable template '{templateId}' does not exist on {owner.Str("Id")}.");
            }
        }
    }
}
