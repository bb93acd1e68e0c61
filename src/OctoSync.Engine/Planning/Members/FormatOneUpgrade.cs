using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.Members;

/// <summary>What a state of format version 1 says about an object whose members are now judged one by one.</summary>
public enum FormatOneState
{
    /// <summary>Not a format 1 entry (or no entry): the state is used as it is.</summary>
    None,

    /// <summary>The destination still matches the whole-object fingerprint OctoSync wrote: its fields and members are OctoSync's.</summary>
    Unchanged,

    /// <summary>The destination changed since OctoSync wrote it: which part a person changed cannot be told.</summary>
    Changed,
}

/// <summary>
/// The upgrade rule for tenants and tag sets last written by a state of format version 1 (docs/rules.md, "Members of
/// synced objects"): that state fingerprinted the object together with its members (connections and tags, or tags) and
/// recorded no per-member entries. When the destination still matches that fingerprint, everything on it is what
/// OctoSync wrote: the object's base becomes the destination's own fields and each member present is recorded as
/// OctoSync's, so the first run converges and later source changes arrive. When it does not match, a person changed
/// something and nobody can say what: the object and its members are judged as not written by OctoSync (kept unless
/// they already match the source), never as drift that would stay forever.
/// </summary>
public static class FormatOneUpgrade
{
    /// <summary>The rule named in the plan.</summary>
    public const string Rule = "state format 1 upgrade";

    /// <param name="memberFields">The fields the format 1 fingerprint also covered (e.g. <c>ProjectEnvironments</c>, <c>TenantTags</c>).</param>
    /// <param name="members">The member indexes of the object; any entry for it means the state is already per member.</param>
    public static FormatOneState Check(PlanningSession session, NamedObjectPlanner.Profile profile, JsonObject source, IReadOnlyCollection<string> memberFields, params OwnedMembers[] members)
    {
        var key = session.Translator.DestinationKeyFor(profile.Kind, source.Name());
        if (session.Input.State?.Objects.GetValueOrDefault(ThreeWayDecision.StateKey(profile.Kind, key)) is not { SourceId: null, SourceName: null } written
            || members.Any(m => m.Of(key).Count > 0)
            || session.DestinationDocument(profile.Kind, key) is not { } destination)
        {
            return FormatOneState.None;
        }

        // The fields the format 1 planner fingerprinted: the managed fields then, which are today's plus the members.
        var fields = ObjectDecider.Pick(source, profile.Unmanaged.Except(memberFields).Concat(profile.ServerFields)).Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
        var then = new JsonObject(fields.Select(f => KeyValuePair.Create(f, destination[f]?.DeepClone())));
        return PortableForm.Fingerprint(then, session.Translator) == written.Fingerprint ? FormatOneState.Unchanged : FormatOneState.Changed;
    }

    /// <summary>The line that says, in the plan, how the entry was upgraded.</summary>
    public static ChangeDetail Detail(ResourceKind kind, string key, FormatOneState state) => state == FormatOneState.Unchanged
        ? new ChangeDetail(KindWords.Subject(kind, key), ChangeAction.None, Rule,
            "Last written by a state of format version 1 (one fingerprint for the object and its members); the destination still matches it, so its members are recorded as OctoSync's.")
        : new ChangeDetail(KindWords.Subject(kind, key), ChangeAction.None, Rule,
            "Last written by a state of format version 1 (one fingerprint for the object and its members); the destination changed since, and which part cannot be told: judged as not written by OctoSync (kept unless it matches the source).");
}
