using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.Portable;

/// <summary>
/// The one walk behind every planner's portable form: a copy of a document in which ids and tokens are replaced by
/// keys, write-only values by whether they are set and server fields are left out, as <see cref="PortableRules"/>
/// say. The result is what is compared and fingerprinted, so that a token written today equals the id read tomorrow.
/// </summary>
internal static class PortableJson
{
    public static JsonNode? Of(JsonNode? node, PortableRules rules) => Of(node, rules, 0);

    private static JsonNode? Of(JsonNode? node, PortableRules rules, int depth)
    {
        switch (node)
        {
            case JsonObject o when rules.Sensitive(o) is { } reduced:
                return reduced;
            case JsonObject o:
                return new JsonObject(o
                    .Where(p => rules.KeepsField(p.Key, depth))
                    .Select(p => KeyValuePair.Create(FieldName(p.Key, rules), Of(p.Value, rules, depth + 1))));
            case JsonArray a:
                var items = a.Select(e => Of(e, rules, depth + 1)).ToList();
                if (rules.SortsStringLists && items.All(i => i is JsonValue v && v.TryGetValue<string>(out _)))
                {
                    items = [.. items.OrderBy(i => i!.GetValue<string>(), StringComparer.Ordinal)];
                }

                return new JsonArray([.. items]);
            case JsonValue v when v.TryGetValue<string>(out var s) && rules.KeyOf(s) is { } key:
                return JsonValue.Create(key);
            default:
                return node?.DeepClone();
        }
    }

    private static string FieldName(string name, PortableRules rules) =>
        rules.TranslatesFieldNames ? rules.KeyOf(name) ?? name : name;
}
