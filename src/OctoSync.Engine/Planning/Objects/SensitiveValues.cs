using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Write-only values (<c>{"HasValue":true,"NewValue":null,"Hint":…}</c>): account secrets, feed passwords,
/// certificate data, sensitive template defaults. Their content can never be read from the source, so OctoSync
/// keeps the destination's (sending it back unchanged keeps it) or writes a placeholder for a person to replace.
/// </summary>
public static class SensitiveValues
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "HasValue", "NewValue", "Hint" };

    public static bool IsSensitive(JsonNode? node) =>
        node is JsonObject o && o.ContainsKey("HasValue") && o.All(p => Fields.Contains(p.Key));

    public static bool HasValue(JsonNode? node) =>
        node is JsonObject o && o["HasValue"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>What to write for a secret the destination does not have yet.</summary>
    public static JsonObject Placeholder(string text) => new() { ["HasValue"] = true, ["NewValue"] = text };

    public static JsonObject Empty() => new() { ["HasValue"] = false };
}
