using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Store;

/// <summary>
/// The whole in-memory state of one emulated server: documents per space per collection.
/// Callers hold <see cref="Gate"/> for the duration of a request, so one request sees a consistent store.
/// </summary>
internal sealed class ServerStore(ServerProfile profile)
{
    /// <summary>The server version this store behaves as (definitions, defaults, routes).</summary>
    public ServerProfile Profile { get; } = profile;

    /// <summary>This installation's own id (`GET /api` `InstallationId`): random per server unless the options fix it.</summary>
    public string InstallationId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>Key of the pseudo-space holding system-scoped collections (spaces, teams, users).</summary>
    public const string SystemSpace = "";

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, JsonObject>>> spaces =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> counters = new(StringComparer.OrdinalIgnoreCase);

    public object Gate { get; } = new();

    /// <summary>Next server-wide id for a prefix (`Projects-7`); ids are unique across spaces like the real server.</summary>
    public string NextId(string prefix)
    {
        counters.TryGetValue(prefix, out var n);
        counters[prefix] = ++n;
        return $"{prefix}-{n}";
    }

    public IEnumerable<JsonObject> All(string space, string collection) =>
        Collection(space, collection).Values;

    public JsonObject? Find(string space, string collection, string? id) =>
        id is not null && Collection(space, collection).TryGetValue(id, out var doc) ? doc : null;

    public void Put(string space, string collection, JsonObject doc) =>
        Collection(space, collection)[(string)doc["Id"]!] = doc;

    public bool Remove(string space, string collection, string id) => Collection(space, collection).Remove(id);

    public void RemoveSpace(string space) => spaces.Remove(space);

    private Dictionary<string, JsonObject> Collection(string space, string collection)
    {
        if (!spaces.TryGetValue(space, out var byCollection))
        {
            byCollection = new Dictionary<string, Dictionary<string, JsonObject>>(StringComparer.OrdinalIgnoreCase);
            spaces[space] = byCollection;
        }

        if (!byCollection.TryGetValue(collection, out var docs))
        {
            docs = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            byCollection[collection] = docs;
        }

        return docs;
    }
}
