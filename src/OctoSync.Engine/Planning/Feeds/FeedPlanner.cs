using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Planning.Feeds;

/// <summary>
/// Feeds, without credentials: a new feed gets a placeholder for each secret (listed in the clean-up report), an
/// existing feed keeps its own. Built-in feeds exist on every instance and are mapped by type, never written.
/// A secret a <c>secrets:</c> entry supplies is written instead of the placeholder, or into an existing feed by the
/// rules of docs/secrets.md (<see cref="ObjectSecrets"/>).
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

        var handled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in selected)
        {
            var change = NamedObjectPlanner.PlanOne(session, Profile with
            {
                Adjust = (_, _, desired) => ObjectSecrets.MarkSupplied(session, SecretTargetKind.Feed, session.Translator.DestinationKeyFor(ResourceKind.Feed, feed.Name()), desired),
            }, feed, session.Rules);
            handled.Add(change.Key);
            if (change.Action == ChangeAction.Create)
            {
                session.Changes[^1] = ObjectSecrets.Created(session, change, SecretTargetKind.Feed).Change;
            }
            else if (session.DestinationDocument(ResourceKind.Feed, change.Key) is { } destination)
            {
                session.Changes[^1] = ObjectSecrets.Existing(session, ResourceKind.Feed, SecretTargetKind.Feed, change.Key, destination, change)!;
            }
        }

        // Feeds only the destination has (a person made them): their secrets follow the overwrite rule.
        foreach (var feed in PlanningSession.Ordered(session.Destination.Feeds).Where(f => !handled.Contains(f.Name()) && !BuiltInTypes.Contains(f.Str("FeedType"))))
        {
            if (ObjectSecrets.Existing(session, ResourceKind.Feed, SecretTargetKind.Feed, feed.Name(), feed, null) is { } secrets)
            {
                handled.Add(feed.Name());
                session.Changes.Add(secrets);
            }
        }

        ObjectSecrets.Unused(session, SecretTargetKind.Feed, ResourceKind.Feed, handled);
    }
}
