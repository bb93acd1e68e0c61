using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;

namespace OctoSync.Engine.Api;

public sealed partial class OctopusSpaceClient
{
    public async Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default)
    {
        var path = collection.TrimEnd('/') + "/all";
        var node = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ItemsFollowingPagesAsync(path, node, cancellationToken);
    }

    public async Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        // Room left for the ids once the URL has its path, "?ids=" and "&take=50".
        var room = IdBatches.MaxUrlLength - ResolveUrl(collection).AbsoluteUri.Length - "?ids=&take=".Length - 4;
        var batches = IdBatches.Split(ids, room);
        var pages = await Task.WhenAll(batches.Select(async batch =>
        {
            var path = $"{collection}?ids={string.Join(',', batch)}&take={batch.Count}";
            var node = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
            return await ItemsFollowingPagesAsync(path, node, cancellationToken);
        }));
        return pages.SelectMany(p => p).ToList();
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
    private async Task<List<JsonObject>> ItemsFollowingPagesAsync(string path, JsonNode? node, CancellationToken cancellationToken)
    {
        var page = OctopusPage.Read(node) ?? throw NotACollection(path, node);
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
