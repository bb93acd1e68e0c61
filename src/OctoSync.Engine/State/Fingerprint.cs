using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoSync.Engine.State;

/// <summary>
/// A short, stable hash of a JSON value: object properties are sorted so that key order does not matter;
/// array order does matter (callers sort arrays whose order Octopus does not keep, e.g. scope lists).
/// </summary>
public static class Fingerprint
{
    public static string Of(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static string Of(string text) => Of(JsonValue.Create(text));

    /// <summary>
    /// Property names as JSON strings, serialised once each (issue #10: serialising every name of every document was a
    /// hot spot). Names are few (the API's own, plus property bags); past <see cref="MaxCachedKeys"/> they are not kept.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> EscapedKeys = new(StringComparer.Ordinal);

    private const int MaxCachedKeys = 20_000;

    private static string EscapedKey(string key)
    {
        if (EscapedKeys.TryGetValue(key, out var escaped))
        {
            return escaped;
        }

        escaped = JsonSerializer.Serialize(key);
        if (EscapedKeys.Count < MaxCachedKeys)
        {
            EscapedKeys.TryAdd(key, escaped);
        }

        return escaped;
    }

    private static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(EscapedKey(key)).Append(':');
                    Write(value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                foreach (var item in arr)
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node.ToJsonString());
                break;
        }
    }
}
