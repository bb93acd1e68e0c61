using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.TenantVariables;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// Writes a <see cref="ResourceKind.TenantVariables"/> change through the v2 routes (<see cref="TenantVariablesRoutes"/>):
/// for each half the plan touches (common values, project values) it reads that half just before the write — with the
/// templates that have no value yet, so a template named in the plan is found by its name — changes exactly the values
/// the plan names and PUTs the list back. Every other entry (a person's, a sensitive one) is sent back as read, with
/// its Id. A common value scoped to environments is the entry with exactly the plan's environments. A project value the plan sets for one environment of an entry
/// scoped to several is split off that entry. A change to one half costs a GET and a PUT, as the legacy route does: the
/// PUT replaces the whole half, and the ids of templates this apply created are only known to the server, so the read
/// cannot be skipped.
/// </summary>
internal static class TenantVariablesV2Writer
{
    public static async Task<ChangeOutcome> WriteAsync(IOctopusSpaceClient client, Change change, string tenantId, JsonObject body, CancellationToken ct)
    {
        var edits = body.Arr("Set").Objects().Select(i => (Slot: TenantVariableSlot.FromJson(i), Value: i["Value"]))
            .Concat(body.Arr("Remove").Objects().Select(i => (Slot: TenantVariableSlot.FromJson(i), Value: (JsonNode?)null)))
            .ToList();
        var common = edits.Where(e => e.Slot.LibraryVariableSetId is not null).ToList();
        var project = edits.Where(e => e.Slot.LibraryVariableSetId is null).ToList();
        var problems = new List<string>();
        var commonBody = common.Count == 0 ? null : Edit(await client.GetTenantCommonVariablesAsync(tenantId, ct).ConfigureAwait(false), common, problems);
        var projectBody = project.Count == 0 ? null : Edit(await client.GetTenantProjectVariablesAsync(tenantId, ct).ConfigureAwait(false), project, problems);
        if (problems.Count > 0)
        {
            return new ChangeOutcome(change, ApplyOutcome.Failed, $"tenant variables of {change.Key}: {string.Join("; ", problems)}; nothing written", tenantId);
        }

        if (commonBody is not null)
        {
            await client.UpdateTenantCommonVariablesAsync(tenantId, commonBody, ct).ConfigureAwait(false);
        }

        if (projectBody is not null)
        {
            await client.UpdateTenantProjectVariablesAsync(tenantId, projectBody, ct).ConfigureAwait(false);
        }

        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: tenantId);
    }

    /// <summary>The PUT body: the entries read, with the planned values set and removed.</summary>
    private static JsonObject Edit(JsonObject document, List<(TenantVariableSlot Slot, JsonNode? Value)> edits, List<string> problems)
    {
        var entries = document.Arr("Variables").Objects().Select(e => e.Clone()).ToList();
        var known = entries.Concat(document.Arr("MissingVariables").Objects()).ToList();
        foreach (var (slot, value) in edits)
        {
            var owner = slot.LibraryVariableSetId ?? slot.ProjectId ?? "";
            var ownerField = slot.LibraryVariableSetId is null ? "ProjectId" : "LibraryVariableSetId";
            var where = slot.LibraryVariableSetId is null ? $"project {owner}" : $"library variable set {owner}";
            var templateId = known.FirstOrDefault(e => string.Equals(e.Str(ownerField), owner, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.Obj("Template")?.Name(), slot.Template, StringComparison.Ordinal))?.Str("TemplateId");
            if (templateId is null)
            {
                problems.Add($"{where} has no template \"{slot.Template}\" for this tenant (is the tenant connected to it?)");
                continue;
            }

            bool Same(JsonObject e) => string.Equals(e.Str(ownerField), owner, StringComparison.OrdinalIgnoreCase) && e.Str("TemplateId") == templateId;
            if (slot.IsScopedCommon)
            {
                EditScoped(entries, Same, ownerField, owner, templateId, slot.EnvironmentIds!, value);
                continue;
            }

            if (slot.EnvironmentId is not { } environment)
            {
                // A common value: the unscoped entry (other scoped entries are kept as read).
                var unscoped = entries.FirstOrDefault(e => Same(e) && Environments(e).Count == 0);
                if (value is null)
                {
                    entries.Remove(unscoped!);
                }
                else if (unscoped is not null)
                {
                    unscoped["Value"] = value.DeepClone();
                }
                else
                {
                    entries.Add(Entry(ownerField, owner, templateId, value, []));
                }

                continue;
            }

            foreach (var scoped in entries.Where(e => Same(e) && Environments(e).Contains(environment, StringComparer.OrdinalIgnoreCase)).ToList())
            {
                var rest = Environments(scoped).Where(e => !string.Equals(e, environment, StringComparison.OrdinalIgnoreCase)).ToList();
                if (rest.Count == 0)
                {
                    entries.Remove(scoped);
                }
                else
                {
                    scoped["Scope"] = new JsonObject { ["EnvironmentIds"] = rest.ToJsonArray() };
                }
            }

            if (value is not null)
            {
                entries.Add(Entry(ownerField, owner, templateId, value, [environment]));
            }
        }

        return new JsonObject { ["Variables"] = new JsonArray([.. entries.Select(Payload)]) };
    }

    /// <summary>
    /// A common value scoped to environments: the entry with exactly these environments is set or removed. A new scope
    /// first takes its environments off any other entry of the template (an environment is in one scope per template),
    /// and an entry left with none is dropped.
    /// </summary>
    private static void EditScoped(List<JsonObject> entries, Func<JsonObject, bool> same, string ownerField, string owner, string templateId, IReadOnlyList<string> scope, JsonNode? value)
    {
        var wanted = scope.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var exact = entries.FirstOrDefault(e => same(e) && Environments(e) is { Count: > 0 } envs && wanted.SetEquals(envs));
        if (value is null)
        {
            if (exact is not null)
            {
                entries.Remove(exact);
            }

            return;
        }

        if (exact is not null)
        {
            exact["Value"] = value.DeepClone();
            return;
        }

        foreach (var other in entries.Where(e => same(e) && Environments(e).Any(wanted.Contains)).ToList())
        {
            var rest = Environments(other).Where(e => !wanted.Contains(e)).ToList();
            if (rest.Count == 0)
            {
                entries.Remove(other);
            }
            else
            {
                other["Scope"] = new JsonObject { ["EnvironmentIds"] = rest.ToJsonArray() };
            }
        }

        entries.Add(Entry(ownerField, owner, templateId, value, [.. scope]));
    }

    private static List<string> Environments(JsonObject entry) => entry.Obj("Scope")?.Strings("EnvironmentIds") ?? [];

    private static JsonObject Entry(string ownerField, string owner, string templateId, JsonNode value, List<string> environments) => new()
    {
        [ownerField] = owner,
        ["TemplateId"] = templateId,
        ["Value"] = value.DeepClone(),
        ["Scope"] = new JsonObject { ["EnvironmentIds"] = environments.ToJsonArray() },
    };

    /// <summary>An entry as the Modify command carries it (OctopusClients Tenant…VariablePayload): no names, no template.</summary>
    private static JsonNode Payload(JsonObject entry)
    {
        var payload = entry.Clone();
        foreach (var computed in new[] { "Template", "LibraryVariableSetName", "ProjectName", "Links" })
        {
            payload.Remove(computed);
        }

        return payload;
    }
}
