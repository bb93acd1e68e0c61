using System.Text.Json.Nodes;
using OctoSync.Engine.Planning.Portable;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// The instance-independent form of a step or runbook, for fingerprints and comparisons: destination ids and
/// tokens become keys (so a token written today equals the real id read tomorrow), server-assigned fields
/// (Id, Slug, Links, …) are dropped, and sensitive values become just <c>{"HasValue":…}</c> (they cannot be read).
/// The walk is shared with the object planner (<see cref="PortableJson"/>); these rules are the process planner's.
/// </summary>
internal static class PortableForm
{
    private static readonly HashSet<string> ServerFields = new(StringComparer.Ordinal)
    {
        "Id", "Slug", "Links", "SpaceId", "Version", "LastSnapshotId", "RunbookProcessId", "PublishedRunbookSnapshotId",

        // Stamped by the server on every write (Swagger: every resource definition has them); comparing them would
        // make each runbook OctoSync wrote look edited by a person on the next sync.
        "LastModifiedOn", "LastModifiedBy",
    };

    private const string ActionPrefix = "Actions.";

    public static JsonNode? Of(JsonNode? node, Translator translator) => PortableJson.Of(node, Rules(translator));

    // Unlike objects: server fields go at every depth, any object with HasValue is a secret (kept as read), keys carry
    // no kind, and list order is kept (step and action order matter).
    private static PortableRules Rules(Translator translator) => new()
    {
        KeyOf = value => translator.DestinationKeyOf(value) is { } key ? "ref:" + key : null,
        Sensitive = o => o.ContainsKey("HasValue") ? new JsonObject { ["HasValue"] = o["HasValue"]?.DeepClone() } : null,
        KeepsField = (name, _) => !ServerFields.Contains(name),
    };

    /// <summary>
    /// Fingerprint of <paramref name="document"/> restricted to the fields OctoSync manages: those of
    /// <paramref name="shape"/> (the translated source), at the top level and in each action. Fields only the
    /// destination has (newer server versions, fields OctoSync does not model) never count as drift.
    /// </summary>
    public static string Fingerprint(JsonObject document, JsonObject shape, Translator translator) =>
        Fingerprint(document, Fields(shape), translator);

    /// <summary>
    /// Like <see cref="Fingerprint(JsonObject, JsonObject, Translator)"/>, counting only the actions the shape has (by name):
    /// an action a person added to a step OctoSync owns is theirs, kept beside OctoSync's, and not drift of the step.
    /// </summary>
    public static string FingerprintOwned(JsonObject document, JsonObject shape, Translator translator)
    {
        var names = shape.Arr("Actions").Objects().Select(a => a.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Fingerprint(document, Fields(shape), translator, a => names.Contains(a.Name()));
    }

    /// <summary>The managed fields of a step shape, as the state records them: top-level names, then <c>Actions.</c>-prefixed
    /// names of the actions' fields (so a step gone from the source can be fingerprinted exactly as it was written).</summary>
    public static IReadOnlyList<string> Fields(JsonObject shape) =>
    [
        .. shape.Select(p => p.Key).Where(k => !ServerFields.Contains(k)),
        .. shape.Arr("Actions").Objects().SelectMany(a => a.Select(p => p.Key))
            .Where(k => !ServerFields.Contains(k)).Distinct(StringComparer.Ordinal).Select(k => ActionPrefix + k),
    ];

    /// <summary>Fingerprint of <paramref name="document"/> restricted to <paramref name="fields"/> (see <see cref="Fields"/>).</summary>
    public static string Fingerprint(JsonObject document, IReadOnlyList<string> fields, Translator translator) =>
        Fingerprint(document, fields, translator, null);

    /// <summary>
    /// The portable form of <paramref name="document"/> projected on <paramref name="fields"/>, built for the managed fields
    /// only (issue #10: the whole document was cloned, made portable and cloned again per field, for each of two fingerprints
    /// per step). The projection is the same as of the whole portable form: a field the document lacks, or a server field
    /// (dropped at every depth), is null; the actions are the array's objects, each projected on the <c>Actions.</c> fields;
    /// <paramref name="owns"/>, when given, keeps only the actions it owns.
    /// </summary>
    private static string Fingerprint(JsonObject document, IReadOnlyList<string> fields, Translator translator, Func<JsonObject, bool>? owns)
    {
        var rules = Rules(translator);
        var topFields = fields.Where(f => !f.StartsWith(ActionPrefix, StringComparison.Ordinal)).ToList();
        var actionFields = fields.Where(f => f.StartsWith(ActionPrefix, StringComparison.Ordinal)).Select(f => f[ActionPrefix.Length..]).ToList();
        if (rules.Sensitive(document) is { } reduced)
        {
            // A document that is itself a write-only value's shape: its portable form is the reduced one.
            return State.Fingerprint.Of(Project(reduced, topFields));
        }

        JsonNode? Field(string f) => f == "Actions" && document["Actions"] is JsonArray actions
            ? new JsonArray([.. actions.OfType<JsonObject>().Where(a => owns is null || owns(a)).Select(a => (JsonNode)ProjectAction(a, actionFields, rules))])
            : Portable(document, f, rules);

        return State.Fingerprint.Of(new JsonObject(topFields.Select(f => KeyValuePair.Create(f, Field(f)))));
    }

    private static JsonObject ProjectAction(JsonObject action, List<string> fields, PortableRules rules) =>
        rules.Sensitive(action) is { } reduced ? Project(reduced, fields) : new(fields.Select(f => KeyValuePair.Create(f, Portable(action, f, rules))));

    /// <summary>The portable form of one field of an object (null when absent or a server field), as the whole walk gives it.</summary>
    private static JsonNode? Portable(JsonObject owner, string field, PortableRules rules) =>
        rules.KeepsField(field, 0) && owner.TryGetPropertyValue(field, out var value) ? PortableJson.Of(value, rules) : null;

    /// <summary>Fingerprint of a whole list of steps in portable form (order matters).</summary>
    public static string FingerprintSteps(JsonArray steps, Translator translator) => State.Fingerprint.Of(Of(steps, translator));

    private static JsonObject Project(JsonObject portable, IEnumerable<string> fields) =>
        new(fields.Select(f => KeyValuePair.Create(f, portable.TryGetPropertyValue(f, out var v) ? v?.DeepClone() : null)));
}
