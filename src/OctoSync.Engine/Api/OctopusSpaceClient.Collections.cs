using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Api;

public sealed partial class OctopusSpaceClient
{
    public async Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default)
    {
        var path = collection.TrimEnd('/') + "/all";
        var node = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ItemsFollowingPagesAsync(OctopusPage.Read(node) ?? throw NotACollection(path, node), cancellationToken);
    }

    public async Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        (await GetByIdsAsync(collection, ids, documents => documents, cancellationToken)).SelectMany(d => d).ToList();

    public async Task<IReadOnlyList<T>> GetByIdsAsync<T>(string collection, IReadOnlyCollection<string> ids, Func<IReadOnlyList<JsonObject>, T> keep, CancellationToken cancellationToken = default)
    {
        var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
        // Room left for the ids once the URL has its path, "?ids=" and "&take=50".
        var room = IdBatches.MaxUrlLength - ResolveUrl(collection).AbsoluteUri.Length - "?ids=&take=".Length - 4;
        // Each batch is handed over as it arrives; a batch the server answered with other documents is not.
        var batches = await Task.WhenAll(IdBatches.Split(ids, room).Select(async batch =>
            await ReadBatchAsync(collection, batch, wanted, cancellationToken) is { } documents ? (Kept: keep(documents), Ok: true) : default));
        if (batches.Any(b => !b.Ok))
        {
            // The server ignored ids= (the 2021.2 Swagger lists no ids filter on some collections, e.g. runbookProcesses):
            // one pass over the whole collection beats following every batch's pages through all of it.
            return [keep(await ListAsync(collection, "take=1000", cancellationToken).Where(d => d.Str("Id") is { } id && wanted.Contains(id)).ToListAsync(cancellationToken))];
        }

        return batches.Select(b => b.Kept).ToList();
    }

    /// <summary>One <c>ids=</c> batch with its later pages; null when the answer holds documents that were not asked for.</summary>
    private async Task<List<JsonObject>?> ReadBatchAsync(string collection, List<string> escapedIds, HashSet<string> wanted, CancellationToken cancellationToken)
    {
        var path = $"{collection}?ids={string.Join(',', escapedIds)}&take={escapedIds.Count}";
        var node = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        var first = OctopusPage.Read(node) ?? throw NotACollection(path, node);
        if (first.Documents.Any(d => d.Str("Id") is { } id && !wanted.Contains(id)))
        {
            return null;
        }

        return await ItemsFollowingPagesAsync(first, cancellationToken);
    }

    public async IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? path = string.IsNullOrEmpty(query) ? collection : $"{collection}?{query.TrimStart('?')}";
        while (path is not null)
        {
            var node = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
            var page = OctopusPage.Read(node) ?? throw NotACollection(path, node);
            foreach (var item in page.Documents)
            {
                yield return item;
            }

            path = page.Documents.Count == 0 ? null : page.Next;
        }
    }

    /// <summary>The items of a bare array or of a collection envelope, with the envelope's later pages.</summary>
    private async Task<List<JsonObject>> ItemsFollowingPagesAsync(OctopusPage page, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>(page.Documents);
        while (page.Next is { } next && page.Documents.Count > 0)
        {
            var nextNode = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            page = OctopusPage.Read(nextNode) ?? throw NotACollection(next, nextNode);
            items.AddRange(page.Documents);
        }

        return items;
    }

    private OctopusApiException NotACollection(string path, JsonNode? node) =>
        new("GET", OctopusUrls.Display(ResolveUrl(path)), 200,
            $"Expected a JSON array or a collection with Items but got {(node is null ? "an empty body" : node.GetValueKind().ToString())}.", []);
}
