using System.Text;
using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>Small helpers for reading and shaping stored <see cref="JsonObject"/> documents.</summary>
internal static class Json
{
    public static string? Str(this JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<string> Strings(this JsonObject doc, string key) =>
        doc[key] is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>() : [];

    public static IEnumerable<JsonObject> Objects(this JsonObject doc, string key) =>
        doc[key] is JsonArray a ? a.OfType<JsonObject>() : [];

    public static int Int(this JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : doc[key] is JsonValue s && s.TryGetValue<string>(out var str) && int.TryParse(str, out var p) ? p
        : 0;

    public static bool Bool(this JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Sets a field only when the client did not send it (defaults of a fresh resource).</summary>
    public static void Default(this JsonObject doc, string key, JsonNode? value)
    {
        if (!doc.ContainsKey(key))
        {
            doc[key] = value;
        }
    }

    public static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonObject Clone(this JsonObject doc) => (JsonObject)doc.DeepClone();

    /// <summary>Octopus-style slug: lower case, runs of non-alphanumerics become one dash.</summary>
    public static string Slugify(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    public static string NewGuid() => Guid.NewGuid().ToString();

    /// <summary>Gives every object in an array an Id (a new GUID) unless the client supplied one.</summary>
    public static void EnsureIds(JsonArray? items)
    {
        foreach (var item in items?.OfType<JsonObject>() ?? [])
        {
            if (string.IsNullOrEmpty(item.Str("Id")))
            {
                item["Id"] = NewGuid();
            }
        }
    }
}
