using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>
/// Sensitive property values (`{"HasValue":true,"NewValue":"..."}`, docs "sensitive properties API changes in 3.3"):
/// write-only. A write with `NewValue:null` keeps the stored secret, reads never return it.
/// </summary>
internal static partial class Secrets
{
    public static bool IsSensitiveValue(JsonNode? node) =>
        node is JsonObject o && o.ContainsKey("HasValue") && o.All(p => p.Key is "HasValue" or "NewValue" or "Hint");

    /// <summary>Resolves `keep` markers in <paramref name="incoming"/> against the stored document (arrays matched by Id).</summary>
    public static void Merge(JsonNode? incoming, JsonNode? stored)
    {
        if (incoming is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                var old = (stored as JsonObject)?[key];
                if (IsSensitiveValue(obj[key]))
                {
                    obj[key] = Resolve((JsonObject)obj[key]!, old as JsonObject);
                }
                else
                {
                    Merge(obj[key], old);
                }
            }
        }
        else if (incoming is JsonArray array)
        {
            var olds = stored as JsonArray;
            var byId = IndexById(olds);
            for (var i = 0; i < array.Count; i++)
            {
                Merge(array[i], Match(array[i], olds, byId, i));
            }
        }
    }

    /// <summary>Stored items by Id, built once per array: matching each incoming variable by a scan was O(n²).</summary>
    private static Dictionary<string, JsonObject>? IndexById(JsonArray? olds)
    {
        if (olds is null)
        {
            return null;
        }

        var byId = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var old in olds.OfType<JsonObject>())
        {
            if (old.Str("Id") is { } id)
            {
                byId.TryAdd(id, old);
            }
        }

        return byId;
    }

    private static JsonObject Resolve(JsonObject value, JsonObject? old)
    {
        var hasValue = value.Bool("HasValue");
        var newValue = value.Str("NewValue");
        if (hasValue && newValue is null)
        {
            // "keep": the stored secret survives (or stays absent when there never was one)
            return old is not null && IsSensitiveValue(old) ? old.Clone() : new JsonObject { ["HasValue"] = false, ["NewValue"] = null };
        }

        var resolved = new JsonObject { ["HasValue"] = hasValue && newValue is not null, ["NewValue"] = hasValue ? newValue : null };
        if (value["Hint"] is { } hint)
        {
            resolved["Hint"] = hint.DeepClone();
        }

        return resolved;
    }

    private static JsonNode? Match(JsonNode? item, JsonArray? olds, Dictionary<string, JsonObject>? byId, int index)
    {
        if (olds is null || byId is null)
        {
            return null;
        }

        if (item is JsonObject o && o.Str("Id") is { } id)
        {
            return byId.GetValueOrDefault(id);
        }

        return index < olds.Count ? olds[index] : null;
    }
}
