using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.TenantVariables;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// Writes a <see cref="ResourceKind.TenantVariables"/> change: reads the tenant's variables document just before the
/// write (it names the templates of everything the tenant is connected to, including projects this apply created),
/// sets and removes exactly the values the plan names — a template named in the plan is found by its name — and PUTs
/// the whole document back, so every other value (a person's, a sensitive one) is sent back unchanged.
/// </summary>
internal static class TenantVariablesWriter
{
    public static async Task<ChangeOutcome> WriteAsync(IOctopusSpaceClient client, Change change, string tenantId, JsonObject body, CancellationToken ct)
    {
        if (TenantVariablesRoutes.HasV2(client.ServerVersion))
        {
            // Where the v2 routes exist, a legacy PUT could drop what only they can hold (environment-scoped common values).
            return await TenantVariablesV2Writer.WriteAsync(client, change, tenantId, body, ct).ConfigureAwait(false);
        }

        var document = await client.GetTenantVariablesAsync(tenantId, ct).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var item in body.Arr("Set").Objects())
        {
            Put(document, TenantVariableSlot.FromJson(item), item["Value"], problems);
        }

        foreach (var item in body.Arr("Remove").Objects())
        {
            Put(document, TenantVariableSlot.FromJson(item), null, problems);
        }

        if (problems.Count > 0)
        {
            return new ChangeOutcome(change, ApplyOutcome.Failed, $"tenant variables of {change.Key}: {string.Join("; ", problems)}; nothing written", tenantId);
        }

        await client.UpdateTenantVariablesAsync(tenantId, document, ct).ConfigureAwait(false);
        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: tenantId);
    }

    private static void Put(JsonObject document, TenantVariableSlot slot, JsonNode? value, List<string> problems)
    {
        if (slot.IsScopedCommon)
        {
            // The planner skips these for a destination without v2; a plan made for another destination could still carry one.
            problems.Add($"the common value \"{slot.Template}\" is scoped to environments, which needs tenant variables v2 (Octopus 2025.2+)");
            return;
        }

        var (section, where) = slot.LibraryVariableSetId is { } setId
            ? (document.Obj("LibraryVariables")?.Obj(setId), $"library variable set {setId}")
            : (document.Obj("ProjectVariables")?.Obj(slot.ProjectId ?? ""), $"project {slot.ProjectId}");
        if (section is null)
        {
            problems.Add($"the tenant is not connected to {where}");
            return;
        }

        var templateId = section.Arr("Templates").Objects().FirstOrDefault(t => string.Equals(t.Name(), slot.Template, StringComparison.Ordinal))?.Str("Id");
        if (templateId is null)
        {
            problems.Add($"{where} has no template \"{slot.Template}\"");
            return;
        }

        var values = Child(section, "Variables");
        if (slot.EnvironmentId is { } environmentId)
        {
            values = Child(values, environmentId);
        }

        if (value is null)
        {
            values.Remove(templateId);
        }
        else
        {
            values[templateId] = value.DeepClone();
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        child = [];
        parent[name] = child;
        return child;
    }
}
