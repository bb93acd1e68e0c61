using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Turns an <see cref="ObjectCandidate"/> into a <see cref="Change"/>: fingerprints the managed fields in portable form,
/// decides with <see cref="ThreeWayDecision"/>, builds the document to write and teaches the translator about creates.
/// </summary>
public static class ObjectDecider
{
    private static readonly string[] IdentityFields = ["Id", "SpaceId", "Links", "Slug", "LastModifiedOn", "LastModifiedBy"];

    public static Change Decide(PlanningSession session, ObjectCandidate candidate)
    {
        var translator = session.Translator;
        var desiredFingerprint = PortableForm.Fingerprint(Owned(candidate.Desired, candidate), translator);
        var destinationFingerprint = candidate.Destination is { } d ? PortableForm.Fingerprint(Owned(Managed(d, candidate.Desired), candidate), translator) : null;
        var baseFingerprint = ThreeWayDecision.BaseOf(session.Input.State, candidate.Kind, candidate.Key) ?? candidate.AssumedBase;
        var outcome = ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, desiredFingerprint, candidate.Rules.Variables.Overwrite);

        var merge = new DocumentMerge(session.Rules.Variables.Placeholder);
        JsonObject? after = outcome.Action switch
        {
            ChangeAction.Create => CreateDocument(candidate, merge),
            ChangeAction.Update => (JsonObject)merge.Merge(candidate.Desired, candidate.Destination, "")!,
            _ => null,
        };
        if (outcome.Action == ChangeAction.Create)
        {
            translator.PlanCreate(candidate.Kind, candidate.Key);
        }

        foreach (var path in merge.Placeholders.Distinct(StringComparer.Ordinal))
        {
            session.Cleanup.Add(new CleanupItem(candidate.Kind, candidate.Subject, $"replace the placeholder written to {path}"));
        }

        var destinationId = candidate.Destination?.Str("Id");
        return new Change
        {
            Kind = candidate.Kind,
            Key = candidate.Key,
            Action = outcome.Action,
            Rule = outcome.Rule,
            Reason = outcome.Reason,
            DestinationId = destinationId,
            Owner = candidate.Owner,
            Before = candidate.Destination,
            After = after,
            Details = outcome.IsDrift
                ? [.. candidate.Details, new ChangeDetail(candidate.Subject, outcome.Action, outcome.Rule, outcome.Reason, IsDrift: true)]
                : candidate.Details,
            StateUpdates = outcome.StateUpdates(candidate.Kind, candidate.Key, destinationId, candidate.SourceId,
                candidate.TranslatedSource.Str("Name"), [.. candidate.Desired.Select(p => p.Key)]),
        };
    }

    /// <summary>The document without the items a person added (<see cref="ObjectCandidate.LocalAdditions"/>).</summary>
    private static JsonObject Owned(JsonObject document, ObjectCandidate candidate)
    {
        if (candidate.LocalAdditions is not { Count: > 0 } additions)
        {
            return document;
        }

        var owned = document.Clone();
        foreach (var (field, added) in additions)
        {
            if (owned[field] is JsonArray items)
            {
                owned[field] = items.Select(i => i?.ToString()).OfType<string>().Where(i => !added.Contains(i)).ToList().ToJsonArray();
            }
        }

        return owned;
    }

    /// <summary>The fields of <paramref name="document"/> that <paramref name="desired"/> manages.</summary>
    public static JsonObject Managed(JsonObject document, JsonObject desired) =>
        new(desired.Select(p => KeyValuePair.Create(p.Key, document[p.Key]?.DeepClone())));

    /// <summary>A translated source document's fields, minus identity fields, Name and <paramref name="unmanaged"/>.</summary>
    public static JsonObject Pick(JsonObject translatedSource, IEnumerable<string> unmanaged)
    {
        var skip = new HashSet<string>(IdentityFields.Append("Name").Concat(unmanaged), StringComparer.Ordinal);
        return new JsonObject(translatedSource.Where(p => !skip.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    private static JsonObject CreateDocument(ObjectCandidate candidate, DocumentMerge merge)
    {
        var document = candidate.TranslatedSource.Clone();
        foreach (var field in IdentityFields.Concat(candidate.ServerFields))
        {
            document.Remove(field);
        }

        document["Name"] = candidate.Name ?? candidate.TranslatedSource.Name();
        merge.PlaceholderSecrets(document);
        foreach (var (key, value) in candidate.Desired)
        {
            document[key] = merge.Merge(value, null, key);
        }

        foreach (var (key, value) in candidate.CreateOnly ?? [])
        {
            document[key] = value?.DeepClone();
        }

        return document;
    }
}
