using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoSync.Engine.Model;

/// <summary>Small, null-tolerant accessors over Octopus JSON documents.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
    };

    public static string? Str(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Id(this JsonObject obj) => obj.Str("Id") ?? throw new InvalidOperationException("Resource has no Id.");

    public static string Name(this JsonObject obj) => obj.Str("Name") ?? "";

    public static bool Bool(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var node) && node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonArray Arr(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var node) && node is JsonArray a ? a : [];

    public static JsonObject? Obj(this JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var node) ? node as JsonObject : null;

    public static IEnumerable<JsonObject> Objects(this JsonArray array) => array.OfType<JsonObject>();

    public static List<string> Strings(this JsonObject obj, string property) =>
        obj.Arr(property).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .Where(s => s is not null).Select(s => s!).ToList();

    public static JsonArray ToJsonArray(this IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Deep copy: planners never mutate snapshot documents.</summary>
    public static JsonObject Clone(this JsonObject obj) => (JsonObject)obj.DeepClone();

    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? throw new JsonException("Expected a JSON object.");
}
