using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Ids inside a JSON property value: a step-template parameter of control type Package holds
/// <c>{"PackageId":"Web","FeedId":"Feeds-1"}</c> (spec §4; octoterra scans these too). Top-level string fields that are
/// source ids of the kinds <see cref="ActionReferences"/> recognises are translated; anything else is returned as is.
/// </summary>
internal static class EmbeddedIds
{
    public static string Translate(string value, ProcessPlanningContext context, ref MissingReference? missing)
    {
        if (!value.StartsWith('{') || Parse(value) is not { } json)
        {
            return value;
        }

        var changed = false;
        foreach (var (name, node) in json.ToList())
        {
            if (node is JsonValue v && v.TryGetValue<string>(out var id)
                && context.Translator.Source.TryGetKey(id, out var kind, out _) && ActionReferences.PropertyKinds.Contains(kind))
            {
                missing ??= ActionReferences.Replace(json, name, kind, context);
                changed = true;
            }
        }

        // Re-serialised only when an id was rewritten, so values without ids keep their exact text.
        return changed ? json.ToJsonString() : value;
    }

    private static JsonObject? Parse(string value)
    {
        try
        {
            return JsonNode.Parse(value) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
