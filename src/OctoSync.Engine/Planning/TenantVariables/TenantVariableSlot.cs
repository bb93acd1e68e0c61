using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.TenantVariables;

/// <summary>
/// Where one tenant variable value lives on the destination: a project template in one environment, or a library
/// variable set template (a common value). Ids are destination ids or <see cref="ReferenceToken"/>s; the template is
/// named, because a template's id is server-assigned and may only exist once the plan is applied.
/// </summary>
public sealed record TenantVariableSlot(string? ProjectId, string? EnvironmentId, string? LibraryVariableSetId, string Template)
{
    public static TenantVariableSlot Project(string projectId, string environmentId, string template) => new(projectId, environmentId, null, template);

    public static TenantVariableSlot Library(string setId, string template) => new(null, null, setId, template);

    /// <summary>The slot as the plan carries it (and <see cref="FromJson"/> reads it back in the writer).</summary>
    public JsonObject ToJson(JsonNode? value = null)
    {
        var json = new JsonObject();
        if (LibraryVariableSetId is not null)
        {
            json[nameof(LibraryVariableSetId)] = LibraryVariableSetId;
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
        json[nameof(Template)]?.GetValue<string>() ?? throw new FormatException("A tenant variable slot has no Template."));
}
