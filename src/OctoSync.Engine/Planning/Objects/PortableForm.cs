using System.Text.Json.Nodes;
using OctoSync.Engine.Planning.Portable;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The instance-independent form of managed fields, which is what is compared and fingerprinted: destination ids and
/// tokens become <c>@Kind:Key</c>, ids of nested items (phases, tags, rules, parameters: server-assigned GUIDs) are
/// dropped (property names that are ids, as in a tenant's ProjectEnvironments, become keys too), write-only values
/// shrink to whether they are set, lists of plain strings are sorted (Octopus keeps them as sets).
/// The walk is shared with the process planner (<see cref="PortableJson"/>); these rules are the object planner's.
/// </summary>
public static class PortableForm
{
    public static JsonNode? Of(JsonNode? node, Translator translator) => PortableJson.Of(node, Rules(translator));

    public static string Fingerprint(JsonNode? node, Translator translator) => State.Fingerprint.Of(Of(node, translator));

    private static PortableRules Rules(Translator translator) => new()
    {
        KeyOf = value => KeyOf(value, translator),
        Sensitive = o => SensitiveValues.IsSensitive(o) ? new JsonObject { ["HasValue"] = SensitiveValues.HasValue(o) } : null,
        // Only nested ids go: they are server-assigned GUIDs that differ per instance (the document's own Id stays).
        KeepsField = (name, depth) => !(depth > 0 && name == "Id"),
        TranslatesFieldNames = true,
        SortsStringLists = true,
    };

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
