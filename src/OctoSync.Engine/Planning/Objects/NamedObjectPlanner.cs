using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The common shape of the space-level kind planners: selected source objects in a stable order, matched by name,
/// id-translated, managed fields picked, decided by <see cref="ObjectDecider"/>.
/// </summary>
public static class NamedObjectPlanner
{
    /// <summary>How one kind is planned.</summary>
    public sealed record Profile(ResourceKind Kind)
    {
        /// <summary>Fields OctoSync never manages on this kind (instance-specific or server-computed).</summary>
        public IReadOnlyCollection<string> Unmanaged { get; init; } = [];

        /// <summary>Server-computed fields removed from a document to be created.</summary>
        public IReadOnlyCollection<string> ServerFields { get; init; } = [];

        /// <summary>Fields set only when creating (e.g. <c>IsDefault: false</c>).</summary>
        public JsonObject? CreateOnly { get; init; }

        /// <summary>Adjusts the desired fields (source, destination or null, desired) before the decision.</summary>
        public Action<JsonObject, JsonObject?, JsonObject>? Adjust { get; init; }
    }

    public static Change PlanOne(PlanningSession session, Profile profile, JsonObject source, SyncRules rules, string? owner = null)
    {
        var key = session.Translator.DestinationKeyFor(profile.Kind, source.Name());
        var destination = session.DestinationDocument(profile.Kind, key);
        var translated = IdTranslation.TranslateDocument(source, session.Translator);
        var desired = ObjectDecider.Pick(translated, profile.Unmanaged.Concat(profile.ServerFields));
        profile.Adjust?.Invoke(source, destination, desired);
        var change = ObjectDecider.Decide(session, new ObjectCandidate
        {
            Kind = profile.Kind,
            SourceId = source.Str("Id"),
            Key = key,
            TranslatedSource = translated,
            Destination = destination,
            Desired = desired,
            ServerFields = profile.ServerFields,
            CreateOnly = profile.CreateOnly,
            Rules = rules,
            Owner = owner,
        });
        session.Changes.Add(change);
        return change;
    }

    /// <summary>Plans every selected source object of a kind; returns the changes in order.</summary>
    public static List<Change> PlanAll(PlanningSession session, Profile profile, IEnumerable<JsonObject> sources, NameFilter selection) =>
        PlanningSession.Ordered(sources).Where(s => selection.Matches(s.Name()))
            .Select(s => PlanOne(session, profile, s, session.Rules)).ToList();
}
