using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>
/// Sensitive property values (`{"HasValue":true,"NewValue":"..."}`, docs "sensitive properties API changes in 3.3"):
/// write-only. A write with `NewValue:null` keeps the stored secret, reads never return it.
/// </summary>
internal static class Secrets
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
            for (var i = 0; i < array.Count; i++)
            {
                Merge(array[i], Match(array[i], olds, i));
            }
        }
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

    private static JsonNode? Match(JsonNode? item, JsonArray? olds, int index)
    {
        if (olds is null)
        {
            return null;
        }

        if (item is JsonObject o && o.Str("Id") is { } id)
        {
            return olds.OfType<JsonObject>().FirstOrDefault(x => string.Equals(x.Str("Id"), id, StringComparison.OrdinalIgnoreCase));
        }

        return index < olds.Count ? olds[index] : null;
    }

    /// <summary>A deep copy of <paramref name="node"/> with every secret's `NewValue` nulled (the read side).</summary>
    public static JsonNode? RedactedCopy(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when IsSensitiveValue(obj):
                var secret = new JsonObject { ["HasValue"] = obj["HasValue"]?.DeepClone(), ["NewValue"] = null };
                if (obj["Hint"] is { } hint)
                {
                    secret["Hint"] = hint.DeepClone();
                }

                return secret;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = RedactedCopy(child);
                }

                return copy;
            case JsonArray array:
                var items = new JsonNode?[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = RedactedCopy(array[i]);
                }

                return new JsonArray(items);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Removes every secret from a document about to be returned.</summary>
    public static void Redact(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (IsSensitiveValue(obj))
            {
                obj["NewValue"] = null;
                return;
            }

            foreach (var (_, child) in obj.ToList())
            {
                Redact(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Redact(child);
            }
        }
    }
}
