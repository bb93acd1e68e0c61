using System.Buffers;
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
/// <remarks>
/// The hashed text is the canonical form <c>{"key":value,…,}</c> / <c>[item,…,]</c> with every leaf as
/// <see cref="JsonNode.ToJsonString"/> writes it; every fingerprint in a state file is the SHA-256 of that text's
/// UTF-8 bytes. It is written straight into a UTF-8 buffer (issue #10: building a string per document, then its bytes,
/// and serialising every leaf on its own was most of the cost of a fingerprint); the bytes are the same.
/// </remarks>
public static class Fingerprint
{
    /// <summary>A buffer kept past one call only up to this size, so one huge document does not pin its buffer.</summary>
    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string Of(JsonNode? node)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        // Default writer options, as JsonNode.ToJsonString() uses: the same escaping, so the same bytes.
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        try
        {
            Write(node, buffer, writer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.WrittenSpan, hash);
            return Convert.ToHexStringLower(hash[..12]);
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    public static string Of(string text) => Of(JsonValue.Create(text));

    /// <summary>
    /// Property names as UTF-8 JSON strings, serialised once each (issue #10: serialising every name of every document was a
    /// hot spot). Names are few (the API's own, plus property bags); past <see cref="MaxCachedKeys"/> they are not kept.
    /// </summary>
    private static readonly ConcurrentDictionary<string, byte[]> EscapedKeys = new(StringComparer.Ordinal);

    private const int MaxCachedKeys = 20_000;

    private static readonly byte[] Null = "null"u8.ToArray();

    private static byte[] EscapedKey(string key)
    {
        if (EscapedKeys.TryGetValue(key, out var escaped))
        {
            return escaped;
        }

        escaped = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key));
        if (EscapedKeys.Count < MaxCachedKeys)
        {
            EscapedKeys.TryAdd(key, escaped);
        }

        return escaped;
    }

    private static void Write(JsonNode? node, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case null:
                buffer.Write(Null);
                break;
            case JsonObject obj:
                Append(buffer, (byte)'{');
                var properties = new KeyValuePair<string, JsonNode?>[obj.Count];
                ((ICollection<KeyValuePair<string, JsonNode?>>)obj).CopyTo(properties, 0);
                // Names are unique within an object, so an unstable sort orders them as the ordinal OrderBy did.
                Array.Sort(properties, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                foreach (var (key, value) in properties)
                {
                    buffer.Write(EscapedKey(key));
                    Append(buffer, (byte)':');
                    Write(value, buffer, writer);
                    Append(buffer, (byte)',');
                }

                Append(buffer, (byte)'}');
                break;
            case JsonArray arr:
                Append(buffer, (byte)'[');
                foreach (var item in arr)
                {
                    Write(item, buffer, writer);
                    Append(buffer, (byte)',');
                }

                Append(buffer, (byte)']');
                break;
            default:
                // What node.ToJsonString() returns, as UTF-8: one value written by a writer with default options.
                writer.Reset(buffer);
                node.WriteTo(writer);
                writer.Flush();
                break;
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, byte b)
    {
        buffer.GetSpan(1)[0] = b;
        buffer.Advance(1);
    }
}
