using System.Text.Json.Nodes;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The instance-independent form of managed fields, which is what is compared and fingerprinted: destination ids and
/// tokens become <c>@Kind:Key</c>, ids of nested items (phases, tags, rules, parameters: server-assigned GUIDs) are
/// dropped (property names that are ids, as in a tenant's ProjectEnvironments, become keys too), write-only values shrink to whether they are set, lists of plain strings are sorted (Octopus keeps them
/// as sets).
/// </summary>
public static class PortableForm
{
    public static JsonNode? Of(JsonNode? node, Translator translator) => Of(node, translator, 0);

    public static string Fingerprint(JsonNode? node, Translator translator) => State.Fingerprint.Of(Of(node, translator));

    private static JsonNode? Of(JsonNode? node, Translator translator, int depth)
    {
        switch (node)
        {
            case JsonObject o when SensitiveValues.IsSensitive(o):
                return new JsonObject { ["HasValue"] = SensitiveValues.HasValue(o) };
            case JsonObject o:
                return new JsonObject(o
                    .Where(p => !(depth > 0 && p.Key == "Id"))
                    .Select(p => KeyValuePair.Create(KeyOf(p.Key, translator) ?? p.Key, Of(p.Value, translator, depth + 1))));
            case JsonArray a:
                var items = a.Select(e => Of(e, translator, depth + 1)).ToList();
                if (items.All(i => i is JsonValue v && v.TryGetValue<string>(out _)))
                {
                    items = [.. items.OrderBy(i => i!.GetValue<string>(), StringComparer.Ordinal)];
                }

                return new JsonArray([.. items]);
            case JsonValue v when v.TryGetValue<string>(out var s):
                return JsonValue.Create(KeyOf(s, translator) ?? s);
            default:
                return node?.DeepClone();
        }
    }

    private static string? KeyOf(string value, Translator translator)
    {
        if (ReferenceToken.IsToken(value))
        {
            var (kind, key) = ReferenceToken.Parse(value);
            return $"@{kind}:{key}";
        }

        return translator.Destination.TryGetKey(value, out var k, out var name) ? $"@{k}:{name}" : null;
    }
}
