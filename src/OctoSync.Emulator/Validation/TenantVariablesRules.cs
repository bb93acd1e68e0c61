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

        return errors;
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
