using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>The read side of <see cref="Secrets"/>: what leaves the server never carries a secret.</summary>
internal static partial class Secrets
{
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
