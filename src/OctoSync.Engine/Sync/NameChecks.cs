using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Sync;

/// <summary>The names of one space that configuration names must resolve to.</summary>
public sealed record InstanceNames(IReadOnlyCollection<string> Environments, IReadOnlyCollection<string> Lifecycles, IReadOnlyCollection<string> Projects)
{
    public static InstanceNames Of(SpaceSnapshot snapshot) =>
        new(Names(snapshot.Environments), Names(snapshot.Lifecycles), Names(snapshot.Projects));

    /// <summary>Reads only the three collections (what <c>validate</c> needs, instead of a whole snapshot).</summary>
    public static async Task<InstanceNames> ReadAsync(IOctopusSpaceClient client, CancellationToken ct)
    {
        var environments = client.GetAllAsync("environments", ct);
        var lifecycles = client.GetAllAsync("lifecycles", ct);
        var projects = client.GetAllAsync("projects", ct);
        return new(Names(await environments.ConfigureAwait(false)), Names(await lifecycles.ConfigureAwait(false)), Names(await projects.ConfigureAwait(false)));
    }

    private static List<string> Names(IEnumerable<JsonObject> documents) => documents.Select(d => d.Name()).ToList();
}

/// <summary>
/// Every name in the configuration that must exist on an instance — <c>projects:</c> (on the source), environment
/// mappings, <c>rescopeTo</c> and <c>lifecycleMap</c> (on each side) — checked before the first write. <c>plan</c>,
/// <c>apply</c> and <c>validate</c> run this same check (issue #9 item 5).
/// </summary>
public static class NameChecks
{
    /// <summary>Error lines (<c>file:line: key: message</c>), in file order; empty when every name resolves.</summary>
    public static IReadOnlyList<string> Errors(SyncConfiguration configuration, InstanceNames source, IEnumerable<(string Destination, InstanceNames Names)> destinations) =>
        ConfigurationChecks.CheckProjects(configuration, source.Projects)
            .Concat(destinations.SelectMany(d =>
                ConfigurationChecks.CheckEnvironments(configuration, source.Environments, d.Destination, d.Names.Environments)
                    .Concat(ConfigurationChecks.CheckLifecycles(configuration, source.Lifecycles, d.Destination, d.Names.Lifecycles))))
            .Distinct()
            .ToList();
}
