using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Feeds;

/// <summary>
/// Feeds, without credentials: a new feed gets a placeholder for each secret (listed in the clean-up report), an
/// existing feed keeps its own. Built-in feeds exist on every instance and are mapped by type, never written.
/// </summary>
public static class FeedPlanner
{
    private static readonly string[] BuiltInTypes = ["BuiltIn", "OctopusProject"];

    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.Feed);

    public static void Plan(PlanningSession session)
    {
        var selected = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var feed in PlanningSession.Ordered(session.Source.Feeds).Where(f => session.Input.Select.Feeds.Matches(f.Name())))
        {
            var type = feed.Str("FeedType");
            if (BuiltInTypes.Contains(type))
            {
                var builtIn = session.Destination.Feeds.FirstOrDefault(f => f.Str("FeedType") == type);
                if (builtIn is not null && !string.Equals(builtIn.Name(), feed.Name(), StringComparison.OrdinalIgnoreCase))
                {
                    session.Translator.Map(ResourceKind.Feed, feed.Name(), builtIn.Name());
                }

                continue;
            }

            selected.Add(feed);
        }

        foreach (var feed in selected)
        {
            NamedObjectPlanner.PlanOne(session, Profile, feed, session.Rules);
        }
    }
}
