using System.Text.Json.Nodes;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The safety net of spec §4: every string in a source document that is the id of a source object is rewritten to
/// the destination id (or a <see cref="ReferenceToken"/>); an id that does not reach the destination becomes null,
/// or disappears from a list (an excluded environment drops out of a phase, a scope, a connection).
/// Planners then override the fields with rules of their own (lifecycles, channels, tenants).
/// </summary>
public static class IdTranslation
{
    public static JsonNode? Translate(JsonNode? node, Translator translator) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Translate(p.Value, translator)))),
        JsonArray array => new JsonArray(array
            .Where(e => !IsSourceId(e, translator) || translator.Translate(Text(e)!) is not null)
            .Select(e => Translate(e, translator))
            .ToArray()),
        JsonValue when IsSourceId(node, translator) => translator.Translate(Text(node)!) is { } id ? JsonValue.Create(id) : null,
        _ => node?.DeepClone(),
    };

    /// <summary>A whole document, translated.</summary>
    public static JsonObject TranslateDocument(JsonObject document, Translator translator) => (JsonObject)Translate(document, translator)!;

    private static bool IsSourceId(JsonNode? node, Translator translator) =>
        Text(node) is { Length: > 0 } s && translator.Source.TryGetKey(s, out _, out _);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
