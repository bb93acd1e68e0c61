using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Planning.Variables.Support;

/// <summary>Builds variable-set JSON as the Octopus API returns it.</summary>
internal static class Vars
{
    /// <summary>A variable value; <paramref name="scope"/> as (dimension, items) pairs, e.g. ("Environment", ["Environments-1"]).</summary>
    public static JsonObject Value(string id, string name, string? value, params (string Dimension, string[] Items)[] scope) =>
        Typed(id, name, value, "String", scope);

    public static JsonObject Typed(string id, string name, string? value, string type, params (string Dimension, string[] Items)[] scope)
    {
        var scopeJson = new JsonObject();
        foreach (var (dimension, items) in scope)
        {
            scopeJson[dimension] = items.ToJsonArray();
        }

        return new JsonObject
        {
            ["Id"] = id,
            ["Name"] = name,
            ["Value"] = value,
            ["Description"] = null,
            ["Scope"] = scopeJson,
            ["IsEditable"] = true,
            ["Prompt"] = null,
            ["Type"] = type,
            ["IsSensitive"] = type == "Sensitive",
        };
    }

    /// <summary>A sensitive value as read: the API never returns its text.</summary>
    public static JsonObject Sensitive(string id, string name, params (string Dimension, string[] Items)[] scope) =>
        Typed(id, name, null, "Sensitive", scope);

    public static JsonObject Set(string id, params JsonObject[] variables) => new()
    {
        ["Id"] = id,
        ["OwnerId"] = id.Replace("variableset-", "", StringComparison.Ordinal),
        ["Version"] = 1,
        ["Variables"] = new JsonArray(variables.Select(v => (JsonNode?)v).ToArray()),
        ["ScopeValues"] = new JsonObject { ["Environments"] = new JsonArray() },
        ["Links"] = new JsonObject { ["Self"] = $"/api/Spaces-1/variables/{id}" },
    };

    public static (string, string[]) Env(params string[] ids) => ("Environment", ids);

    public static (string, string[]) Role(params string[] roles) => ("Role", roles);
}
