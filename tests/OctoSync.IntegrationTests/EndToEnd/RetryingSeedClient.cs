using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Seeds an emulator that injects faults: every call is repeated until it succeeds (at most 20 times). Only for
/// seeding — the emulator's faults fire before a request is processed, so repeating a POST cannot duplicate.
/// </summary>
internal sealed class RetryingSeedClient(IOctopusSpaceClient inner) : IOctopusSpaceClient
{
    public Uri ServerUrl => inner.ServerUrl;
    public string SpaceId => inner.SpaceId;
    public string SpaceName => inner.SpaceName;

    /// <summary>Connects through faults.</summary>
    public static Task<IOctopusSpaceClient> ConnectAsync(OctopusConnection connection) =>
        RetryAsync(() => OctopusClient.ConnectAsync(connection));

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default) => RetryAsync(() => inner.GetAsync(path, cancellationToken));

    public Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default) =>
        RetryAsync(() => inner.GetAllAsync(collection, cancellationToken));

    public Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        RetryAsync(() => inner.GetByIdsAsync(collection, ids, cancellationToken));

    public async IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = await RetryAsync(async () =>
        {
            var items = new List<JsonObject>();
            await foreach (var item in inner.ListAsync(collection, query, cancellationToken))
            {
                items.Add(item);
            }

            return items;
        });
        foreach (var item in all)
        {
            yield return item;
        }
    }

    public Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default) =>
        RetryAsync(() => inner.CreateAsync(collection, body, cancellationToken));

    public Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        RetryAsync(() => inner.UpdateAsync(path, body, cancellationToken));

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        RetryAsync(() => inner.PostAsync(path, body, cancellationToken));

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        RetryAsync(async () =>
        {
            await inner.DeleteAsync(path, cancellationToken);
            return true;
        });

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OctopusApiException e) when (attempt < 20 && (e.StatusCode == 0 || e.StatusCode >= 500))
            {
                await Task.Delay(10);
            }
        }
    }
}
