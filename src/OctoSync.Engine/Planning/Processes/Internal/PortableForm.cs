using System.Text.Json.Nodes;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// The instance-independent form of a step or runbook, for fingerprints and comparisons: destination ids and
/// tokens become keys (so a token written today equals the real id read tomorrow), server-assigned fields
/// (Id, Slug, Links, …) are dropped, and sensitive values become just <c>{"HasValue":…}</c> (they cannot be read).
/// </summary>
internal static class PortableForm
{
    private static readonly HashSet<string> ServerFields = new(StringComparer.Ordinal)
    {
        "Id", "Slug", "Links", "SpaceId", "Version", "LastSnapshotId", "RunbookProcessId", "PublishedRunbookSnapshotId",
    };

    public static JsonNode? Of(JsonNode? node, Translator translator) => node switch
    {
        JsonObject o when o.ContainsKey("HasValue") => new JsonObject { ["HasValue"] = o["HasValue"]?.DeepClone() },
        JsonObject o => new JsonObject(o.Where(p => !ServerFields.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, Of(p.Value, translator)))),
        JsonArray a => new JsonArray([.. a.Select(n => Of(n, translator))]),
        JsonValue v when v.TryGetValue<string>(out var s) && translator.DestinationKeyOf(s) is { } key => JsonValue.Create("ref:" + key),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// Fingerprint of <paramref name="document"/> restricted to the fields OctoSync manages: those of
    /// <paramref name="shape"/> (the translated source), at the top level and in each action. Fields only the
    /// destination has (newer server versions, fields OctoSync does not model) never count as drift.
    /// </summary>
    public static string Fingerprint(JsonObject document, JsonObject shape, Translator translator)
    {
        var portable = (JsonObject)Of(document, translator)!;
        var topFields = shape.Select(p => p.Key).Where(k => !ServerFields.Contains(k)).ToList();
        var actionFields = shape.Arr("Actions").Objects().SelectMany(a => a.Select(p => p.Key))
            .Where(k => !ServerFields.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        var projected = Project(portable, topFields);
        if (projected["Actions"] is JsonArray actions)
        {
            projected["Actions"] = new JsonArray([.. actions.OfType<JsonObject>().Select(a => (JsonNode)Project(a, actionFields))]);
        }

        return State.Fingerprint.Of(projected);
    }

    /// <summary>Fingerprint of a whole list of steps in portable form (order matters).</summary>
    public static string FingerprintSteps(JsonArray steps, Translator translator) => State.Fingerprint.Of(Of(steps, translator));

    private static JsonObject Project(JsonObject portable, IEnumerable<string> fields) =>
        new(fields.Select(f => KeyValuePair.Create(f, portable.TryGetPropertyValue(f, out var v) ? v?.DeepClone() : null)));
}
