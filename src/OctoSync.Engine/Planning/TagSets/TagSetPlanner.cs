using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.TagSets;

/// <summary>
/// Tag sets (spec §4, first): matched by name, tags by name. Octopus replaces the whole tag list on PUT and deletes
/// omitted tags, so tags that exist only on the destination are kept. Records which canonical tags (<c>Set/Tag</c>)
/// will exist on the destination, for tenants, channels, accounts and certificates.
/// </summary>
public static class TagSetPlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.TagSet)
    {
        Unmanaged = ["SortOrder"],
        Adjust = KeepDestinationOnlyTags,
    };

    public static void Plan(PlanningSession session)
    {
        foreach (var tagSet in session.Destination.TagSets)
        {
            AddTags(session, tagSet);
        }

        var sources = session.Source.TagSets.ToDictionary(t => t.Name(), StringComparer.OrdinalIgnoreCase);
        foreach (var change in NamedObjectPlanner.PlanAll(session, Profile, session.Source.TagSets, session.Input.Select.TagSets))
        {
            if (change.Action is ChangeAction.Create or ChangeAction.Update && sources.TryGetValue(change.Key, out var source))
            {
                AddTags(session, source);
            }
        }
    }

    private static void AddTags(PlanningSession session, JsonObject tagSet)
    {
        foreach (var tag in tagSet.Arr("Tags").Objects())
        {
            session.AvailableTags.Add($"{tagSet.Name()}/{tag.Name()}");
        }
    }

    private static void KeepDestinationOnlyTags(JsonObject source, JsonObject? destination, JsonObject desired)
    {
        if (destination is null)
        {
            return;
        }

        var names = new HashSet<string>(source.Arr("Tags").Objects().Select(t => t.Name()), StringComparer.OrdinalIgnoreCase);
        var tags = desired.Arr("Tags");
        foreach (var extra in destination.Arr("Tags").Objects().Where(t => !names.Contains(t.Name())))
        {
            tags.Add(extra.DeepClone());
        }
    }
}
