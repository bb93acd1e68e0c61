using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.TenantVariables;

/// <summary>
/// Where one tenant variable value lives on the destination: a project template in one environment, or a library
/// variable set template (a common value). Ids are destination ids or <see cref="ReferenceToken"/>s; the template is
/// named, because a template's id is server-assigned and may only exist once the plan is applied. A common value scoped
/// to environments (tenant variables v2, 2025.2+) carries its <see cref="EnvironmentIds"/>; an unscoped one none.
/// </summary>
public sealed record TenantVariableSlot(string? ProjectId, string? EnvironmentId, string? LibraryVariableSetId, string Template, IReadOnlyList<string>? EnvironmentIds = null)
{
    public static TenantVariableSlot Project(string projectId, string environmentId, string template) => new(projectId, environmentId, null, template);

    public static TenantVariableSlot Library(string setId, string template, IReadOnlyList<string>? environmentIds = null) =>
        new(null, null, setId, template, environmentIds is { Count: > 0 } ? environmentIds : null);

    /// <summary>True for a common value scoped to environments (only tenant variables v2 can hold it).</summary>
    public bool IsScopedCommon => LibraryVariableSetId is not null && EnvironmentIds is { Count: > 0 };

    /// <summary>The slot as the plan carries it (and <see cref="FromJson"/> reads it back in the writer).</summary>
    public JsonObject ToJson(JsonNode? value = null)
    {
        var json = new JsonObject();
        if (LibraryVariableSetId is not null)
        {
            json[nameof(LibraryVariableSetId)] = LibraryVariableSetId;
            if (IsScopedCommon)
            {
                json[nameof(EnvironmentIds)] = new JsonArray([.. EnvironmentIds!.Select(e => (JsonNode?)e)]);
            }
        }
        else
        {
            json[nameof(ProjectId)] = ProjectId;
            json[nameof(EnvironmentId)] = EnvironmentId;
        }

        json[nameof(Template)] = Template;
        if (value is not null)
        {
            json["Value"] = value.DeepClone();
        }

        return json;
    }

    public static TenantVariableSlot FromJson(JsonObject json) => new(
        json[nameof(ProjectId)]?.GetValue<string>(),
        json[nameof(EnvironmentId)]?.GetValue<string>(),
        json[nameof(LibraryVariableSetId)]?.GetValue<string>(),
        json[nameof(Template)]?.GetValue<string>() ?? throw new FormatException("A tenant variable slot has no Template."),
        json[nameof(EnvironmentIds)] is JsonArray environments ? [.. environments.Select(e => e?.GetValue<string>()).OfType<string>()] : null);
}
