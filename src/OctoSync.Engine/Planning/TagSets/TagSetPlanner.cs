using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.TagSets;

/// <summary>
/// Tag sets (spec §4, first): matched by name; the set's own fields are decided as an object, its tags one by one
/// (<see cref="TagMerge"/>): the source's new tags arrive on a tag set the destination already has, a person's extra
/// tag is kept, a tag OctoSync wrote and the source deleted is removed. Records which canonical tags (<c>Set/Tag</c>)
/// will exist on the destination, for tenants, channels, accounts and certificates. A whole tag set gone from the
/// source is reported on every run and never removed.
/// </summary>
public static class TagSetPlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.TagSet)
    {
        Unmanaged = ["SortOrder", "Tags"],
    };

    public static void Plan(PlanningSession session)
    {
        foreach (var tagSet in session.Destination.TagSets)
        {
            AddTags(session, tagSet.Name(), tagSet.Arr("Tags"));
        }

        var owned = OwnedMembers.Index(session.Input.State, TagMerge.StateKind);
        var planned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // A tag set left out by select.tagSets brings no tags: only the destination's own copy counts for tagged items.
        foreach (var excluded in session.Source.TagSets.Where(s => !session.Input.Select.TagSets.Matches(s.Name())))
        {
            session.Translator.Exclude(ResourceKind.TagSet, excluded.Name());
        }

        foreach (var source in PlanningSession.Ordered(session.Source.TagSets).Where(s => session.Input.Select.TagSets.Matches(s.Name())))
        {
            var change = NamedObjectPlanner.PlanOne(session, Profile, source, session.Rules);
            planned.Add(change.Key);
            var merge = TagMerge.Merge(change.Key, source, change.Before, owned, session.Rules.Variables.Overwrite);
            foreach (var removed in merge.Removed)
            {
                session.AvailableTags.Remove($"{change.Key}/{removed}");
            }

            AddTags(session, change.Key, merge.Tags);
            session.Changes[^1] = WithTags(change, merge);
        }

        ReportGone(session, planned);
    }

    /// <summary>The set's change with its tags merged in: a tag to write makes an Update even when the set's own fields are left.</summary>
    private static Change WithTags(Change change, TagMerge.Result merge)
    {
        var states = change.StateUpdates.Concat(merge.StateUpdates).ToList();
        if (change.Action == ChangeAction.Create)
        {
            var created = change.After!.Clone();
            created["Tags"] = merge.Tags;
            return change with { After = created, Details = [.. change.Details, .. merge.Details], StateUpdates = states };
        }

        if (!merge.Writes)
        {
            return change with { Details = [.. change.Details, .. merge.Details], StateUpdates = states };
        }

        var after = (change.Action == ChangeAction.Update ? change.After! : change.Before!).Clone();
        after["Tags"] = merge.Tags;
        return change with
        {
            Action = ChangeAction.Update,
            Rule = change.Action == ChangeAction.Update ? change.Rule : "default",
            Reason = change.Action == ChangeAction.Update ? $"{change.Reason} {merge.Summary}" : merge.Summary,
            After = after,
            Details = [.. change.Details, .. merge.Details],
            StateUpdates = states,
        };
    }

    /// <summary>A tag set OctoSync synced that the source no longer has (or no longer selects): reported, never removed.</summary>
    private static void ReportGone(PlanningSession session, HashSet<string> planned)
    {
        const string Prefix = "TagSet:";
        foreach (var (key, state) in session.Input.State?.Objects ?? new Dictionary<string, State.ObjectState>())
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal) || planned.Contains(key[Prefix.Length..]))
            {
                continue;
            }

            var name = key[Prefix.Length..];
            var destination = session.DestinationDocument(ResourceKind.TagSet, name);
            session.Changes.Add(new Change
            {
                Kind = ResourceKind.TagSet,
                Key = name,
                Action = destination is null ? ChangeAction.None : ChangeAction.Leave,
                Rule = destination is null ? "default" : "select.tagSets",
                Reason = destination is null
                    ? "Gone from the source and from the destination; forgotten."
                    : "Gone from the source (deleted there, or no longer selected by select.tagSets); a whole tag set is never removed by OctoSync — delete it on the destination if it is not needed.",
                DestinationId = destination?.Str("Id"),
                Before = destination,
                StateUpdates = destination is null
                    ? [new State.StateUpdate.RemoveObject(key)]
                    : [new State.StateUpdate.SetObject(key, state)],
            });
        }
    }

    private static void AddTags(PlanningSession session, string setName, JsonArray tags)
    {
        foreach (var tag in tags.Objects())
        {
            session.AvailableTags.Add($"{setName}/{tag.Name()}");
        }
    }

    /// <summary>The state key of a tag set's own fields (as for any object).</summary>
    internal static string StateKey(string name) => ThreeWayDecision.StateKey(ResourceKind.TagSet, name);
}
