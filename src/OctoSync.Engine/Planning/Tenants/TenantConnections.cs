using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Tenants;

/// <summary>A tenant's <c>ProjectEnvironments</c> (project id → environment ids), translated and merged.</summary>
public static class TenantConnections
{
    /// <summary>The source connections in destination ids (or tokens), and a detail per dropped connection.</summary>
    public static (JsonObject Connections, List<ChangeDetail> Details) Translate(PlanningSession session, JsonObject tenant)
    {
        var translator = session.Translator;
        var connections = new JsonObject();
        var details = new List<ChangeDetail>();
        var sources = tenant.Obj("ProjectEnvironments") ?? [];
        foreach (var (projectId, environments) in sources.OrderBy(p => translator.SourceKeyOf(p.Key) ?? p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var project = translator.SourceKeyOf(projectId) ?? projectId;
            var environmentIds = (environments as JsonArray ?? []).Select(e => e?.GetValue<string>()).OfType<string>().ToList();
            var destinationProject = translator.Translate(ResourceKind.Project, projectId);
            if (destinationProject is null)
            {
                details.Add(new ChangeDetail($"connection to {project}", ChangeAction.Skip, "select.projects", "The project does not reach this destination."));
                continue;
            }

            var translated = translator.TranslateAll(ResourceKind.Environment, environmentIds);
            foreach (var dropped in environmentIds.Where(e => translator.Translate(ResourceKind.Environment, e) is null))
            {
                details.Add(new ChangeDetail($"connection to {project} in {translator.SourceKeyOf(dropped) ?? dropped}", ChangeAction.Skip, "excluded", "The environment is excluded on this destination."));
            }

            if (environmentIds.Count > 0 && translated.Count == 0)
            {
                continue;
            }

            connections[destinationProject] = translated.ToJsonArray();
        }

        return (connections, details);
    }
}
