using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Parses an answer's UTF-8 bytes into a <see cref="JsonNode"/> tree that keeps nothing else alive.
/// <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/> backs every value with a
/// <see cref="JsonElement"/> of one <see cref="JsonDocument"/> per answer, so a read snapshot held the whole UTF-8 text
/// and its token table as well as the materialised objects (issue #10: both snapshots live while planning), and every
/// read of a string value decoded a new string. Here strings and booleans become plain values, a property name or a
/// short string repeated within one answer is one string instance, and a number keeps its exact text in a
/// <see cref="JsonElement"/> of its own (a few bytes), so it writes back as the server sent it.
/// Every field is kept, in order; the tree writes the same JSON (and so the same fingerprints) as the one JsonNode.Parse built.
/// </summary>
internal static class CompactJsonParser
{
    /// <summary>Strings up to this length (UTF-8 bytes) are shared within one answer: names, ids, "True", scopes.</summary>
    private const int SharedMaxBytes = 128;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses one JSON value (the whole input, as JsonNode.Parse: same default reader options, depth 64).</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        var scratch = new Scratch();
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain any JSON tokens.");
        }

        var root = ReadValue(ref reader, scratch, 0);
        if (reader.Read())
        {
            throw new JsonException($"'{(char)utf8Json[(int)reader.TokenStartIndex]}' is invalid after a single JSON value. Expected end of data. BytePositionInLine: {reader.TokenStartIndex}.");
        }

        return root;
    }

    /// <summary>
    /// What one parse reuses: the shared strings, and one list per nesting depth to gather an object's properties or
    /// an array's items in (issue #10: a new list per object, grown as it filled, was a tenth of planning, which parses
    /// every kept document again). Each list is copied into its node and cleared before the next node at that depth.
    /// </summary>
    private sealed class Scratch
    {
        private readonly List<List<KeyValuePair<string, JsonNode?>>> _properties = [];
        private readonly List<List<JsonNode?>> _items = [];

        public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

        public List<KeyValuePair<string, JsonNode?>> Properties(int depth) => At(_properties, depth);

        public List<JsonNode?> Items(int depth) => At(_items, depth);

        private static List<T> At<T>(List<List<T>> lists, int depth)
        {
            while (lists.Count <= depth)
            {
                lists.Add([]);
            }

            return lists[depth];
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, Scratch scratch, int depth)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                // Gathered first so that each object's dictionary is made at its final size (no spare slots kept).
                var properties = scratch.Properties(depth);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = Text(ref reader, scratch.Strings);
                    reader.Read();
                    properties.Add(KeyValuePair.Create(name, ReadValue(ref reader, scratch, depth + 1)));
                }

                try
                {
                    return new JsonObject(properties);
                }
                catch (ArgumentException ex)
                {
                    throw new JsonException("The answer has the same property twice in one object.", ex);
                }
                finally
                {
                    properties.Clear();
                }

            case JsonTokenType.StartArray:
                var items = scratch.Items(depth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, scratch, depth + 1));
                }

                var array = new JsonArray([.. items]);
                items.Clear();
                return array;
            case JsonTokenType.String:
                return JsonValue.Create(Text(ref reader, scratch.Strings));
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                // Its own small document: the number's text exactly as sent ("1.0", "1e3", 20 digits) and the same
                // conversions (GetValue<int>, <long>, …) as before.
                return JsonValue.Create(JsonElement.ParseValue(ref reader));
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    /// <summary>The token's text (a property name or a string value); a short one shared with its earlier copies.</summary>
    private static string Text(ref Utf8JsonReader reader, Dictionary<string, string> strings)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > SharedMaxBytes)
        {
            var text = reader.GetString()!;
            return text.Length * 3 <= SharedMaxBytes ? Shared(text, strings) : text;
        }

        Span<char> chars = stackalloc char[SharedMaxBytes];
        int length;
        try
        {
            length = StrictUtf8.GetChars(reader.ValueSpan, chars);
        }
        catch (DecoderFallbackException ex)
        {
            throw new JsonException("The answer has a string that is not valid UTF-8.", ex);
        }

        return StringPool.Share(strings, chars[..length]);
    }

    private static string Shared(string text, Dictionary<string, string> strings)
    {
        if (strings.TryGetValue(text, out var known))
        {
            return known;
        }

        strings.Add(text, text);
        return text;
    }
}
