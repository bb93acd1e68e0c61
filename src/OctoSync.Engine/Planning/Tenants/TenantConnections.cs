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

    /// <summary>
    /// The connections to write: the destination's, with each connection the source manages replaced — environments
    /// no source environment maps to (destination-only ones) are kept, as are projects the source does not connect.
    /// </summary>
    public static JsonObject Merge(PlanningSession session, JsonObject connections, JsonObject? destination)
    {
        var translator = session.Translator;
        var managed = new HashSet<string>(
            session.Source.Environments.Select(e => translator.TranslateKey(ResourceKind.Environment, e.Name())).OfType<string>(),
            StringComparer.OrdinalIgnoreCase);
        var result = (destination?.Obj("ProjectEnvironments") ?? []).Clone();
        foreach (var (projectId, environments) in connections)
        {
            var kept = (result[projectId] as JsonArray ?? []).Select(e => e?.GetValue<string>()).OfType<string>().Where(e => !managed.Contains(e));
            result[projectId] = ((JsonArray)environments!).Select(e => e!.GetValue<string>()).Concat(kept)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToJsonArray();
        }

        return result;
    }
}
