using System.Text.Json.Nodes;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator.Resources;

/// <summary>The store seen from one space (system resources resolve to the system pseudo-space).</summary>
internal sealed class SpaceContext(ServerStore store, string spaceId)
{
    public ServerStore Store { get; } = store;

    /// <summary>Canonical space id, e.g. `Spaces-1`.</summary>
    public string SpaceId { get; } = spaceId;

    private readonly Dictionary<string, object> memo = new(StringComparer.Ordinal);

    /// <summary>
    /// A value computed once per request (a context lives for one request, under the store's lock): read-side
    /// indexes such as "actions by project" that would otherwise be rebuilt for every document of a large list.
    /// Only for presenting, after every write of the request is done.
    /// </summary>
    public T Memo<T>(string key, Func<T> build)
        where T : class
    {
        if (!memo.TryGetValue(key, out var value))
        {
            value = build();
            memo[key] = value;
        }

        return (T)value;
    }

    public string KeyOf(ResourceDescriptor d) => d.SystemScoped ? ServerStore.SystemSpace : SpaceId;

    public IEnumerable<JsonObject> All(ResourceDescriptor d) => Store.All(KeyOf(d), d.Collection);

    public JsonObject? Find(ResourceDescriptor d, string? id) => Store.Find(KeyOf(d), d.Collection, id);

    /// <summary>Finds by id, or by slug where the real server accepts one (`projects/{idOrSlug}`).</summary>
    public JsonObject? FindByIdOrSlug(ResourceDescriptor d, string idOrSlug) =>
        Find(d, idOrSlug)
        ?? (d.HasSlugIn(Store.Profile) ? All(d).FirstOrDefault(x => string.Equals((string?)x["Slug"], idOrSlug, StringComparison.OrdinalIgnoreCase)) : null);

    public ServerProfile Profile => Store.Profile;

    /// <summary>Stores a document whole: every property of its definition is completed with the server's default first.</summary>
    public void Put(ResourceDescriptor d, JsonObject doc)
    {
        if (d.Definition is { } definition)
        {
            Definitions.ResourceDefinitions.Complete(doc, definition, Store.Profile);
        }

        Store.Put(KeyOf(d), d.Collection, doc);
    }

    public void Remove(ResourceDescriptor d, string id) => Store.Remove(KeyOf(d), d.Collection, id);

    public string NextId(ResourceDescriptor d) => Store.NextId(d.IdPrefix);

    /// <summary>Base of this space's routes, e.g. `/api/Spaces-1`.</summary>
    public string ApiBase => "/api/" + SpaceId;

    public string CollectionPath(ResourceDescriptor d) => d.SystemScoped ? "/api/" + d.Collection : ApiBase + "/" + d.Collection;

    public string SelfPath(ResourceDescriptor d, string id) => CollectionPath(d) + "/" + id;
}
