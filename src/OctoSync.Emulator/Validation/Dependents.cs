using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// Delete guards for resources still in use (API notes §2.6: 400 "The X has dependent resources and cannot be
/// deleted."): a resource is in use when a document of a referring collection mentions its id anywhere
/// (lifecycle phases, step properties and scopes, variable scopes and values, tenant connections, account scopes).
/// </summary>
internal static class Dependents
{
    /// <summary>Computed or echoed fields that list every candidate, not real references.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "Links", "ScopeValues" };

    /// <summary>A guard refusing the delete while any document of <paramref name="referrers"/> mentions the id.</summary>
    public static Func<SpaceContext, JsonObject, string?> Guard(string noun, params Func<ResourceDescriptor>[] referrers) =>
        (space, doc) =>
        {
            var id = doc.Str("Id")!;
            var users = referrers.Select(r => r())
                .SelectMany(r => space.All(r).Where(x => !ReferenceEquals(x, doc) && Mentions(x, id)).Select(x => x.Str("Id")))
                .Take(5)
                .ToList();
            return users.Count == 0
                ? null
                : $"The {noun} has dependent resources and cannot be deleted (used by {string.Join(", ", users)}).";
        };

    /// <summary>The first guard that refuses, or null.</summary>
    public static Func<SpaceContext, JsonObject, string?> All(params Func<SpaceContext, JsonObject, string?>[] guards) =>
        (space, doc) => guards.Select(g => g(space, doc)).FirstOrDefault(reason => reason is not null);

    /// <summary>Channels: the default channel and a project's last channel stay (notes §2.6), as do channels in use.</summary>
    public static string? ChannelGuard(SpaceContext space, JsonObject channel)
    {
        if (channel.Bool("IsDefault"))
        {
            return "The default channel cannot be deleted.";
        }

        var projectId = channel.Str("ProjectId");
        if (space.All(Catalog.Channels).Count(c => string.Equals(c.Str("ProjectId"), projectId, StringComparison.OrdinalIgnoreCase)) <= 1)
        {
            return "The last channel of a project cannot be deleted.";
        }

        return Guard("channel", () => Catalog.DeploymentProcesses, () => Catalog.Variables)(space, channel);
    }

    private static bool Mentions(JsonNode? node, string id) => node switch
    {
        JsonObject o => o.Any(p => !Ignored.Contains(p.Key) && Mentions(p.Value, id)),
        JsonArray a => a.Any(x => Mentions(x, id)),
        JsonValue v => v.TryGetValue<string>(out var s) && (string.Equals(s, id, StringComparison.OrdinalIgnoreCase) || InList(s, id)),
        _ => false,
    };

    /// <summary>Step properties hold some references as comma lists (`Octopus.Action.Manual.ResponsibleTeamIds`).</summary>
    private static bool InList(string value, string id) =>
        value.Contains(',', StringComparison.Ordinal)
        && value.Split(',', StringSplitOptions.TrimEntries).Contains(id, StringComparer.OrdinalIgnoreCase);
}
