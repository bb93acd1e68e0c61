using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator;

/// <summary>
/// A test knob, not Octopus behaviour: puts package versions into a feed of the emulator, as a build server pushing to
/// the built-in feed or an external repository (NuGet, Docker, Maven …) would, so that
/// <c>GET /feeds/{id}/packages/versions?packageId=</c> answers with them. Real external feeds are other servers the
/// emulator cannot reach; pushing through <c>POST /packages/raw</c> is not modelled yet (docs/emulator.md).
/// </summary>
public sealed class PackageShelf
{
    private readonly ServerStore store;

    internal PackageShelf(ServerStore store) => this.store = store;

    /// <summary>Adds one version of a package to a feed (by id or name) of a space; adding it again changes nothing.</summary>
    /// <exception cref="ArgumentException">No such space or feed.</exception>
    public void Add(string feed, string packageId, string version, string spaceId = SpaceSeed.DefaultSpaceId)
    {
        lock (store.Gate)
        {
            var space = new SpaceContext(store, spaceId);
            if (store.Find(ServerStore.SystemSpace, Catalog.Spaces.Collection, spaceId) is null)
            {
                throw new ArgumentException($"No space '{spaceId}'.", nameof(spaceId));
            }

            var target = space.Find(Catalog.Feeds, feed)
                ?? space.All(Catalog.Feeds).FirstOrDefault(f => string.Equals(f.Str("Name"), feed, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No feed '{feed}' in {spaceId}.", nameof(feed));
            var feedId = target.Str("Id")!;
            // Built-in packages are `packages-{PackageId}.{Version}` (the built-in repository's ids); external ones by name.
            var id = (feedId == "feeds-builtin" ? "packages-" : feedId + "-") + packageId + "." + version;
            if (space.Find(Catalog.PackageVersions, id) is not null)
            {
                return;
            }

            space.Put(Catalog.PackageVersions, new JsonObject
            {
                ["Id"] = id,
                ["FeedId"] = feedId,
                ["PackageId"] = packageId,
                ["Version"] = version,
                ["Title"] = packageId,
                ["Published"] = Validation.ReleaseRules.Now(),
                ["ReleaseNotes"] = null,
                ["SizeBytes"] = 0,
            });
        }
    }
}
