using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api;

namespace OctoSync.Engine.Sync;

/// <summary>
/// A destination's client that stops at the first 401 or 403: every later request fails at once without being
/// sent. A rejected or revoked API key will not start working halfway through a run, and every further write
/// attempted with it is noise in the server's audit log (issue #9: three more writes followed a 401 mid-apply).
/// The applier then reports the remaining changes as failed, naming the refusal.
/// </summary>
public sealed class StoppingClient(IOctopusSpaceClient inner, string destination) : IOctopusSpaceClient, IDisposable
{
    private OctopusApiException? refusal;

    /// <summary>The 401/403 that stopped this destination, or null.</summary>
    public OctopusApiException? Refusal => Volatile.Read(ref refusal);

    public Uri ServerUrl => inner.ServerUrl;
    public string SpaceId => inner.SpaceId;
    public string SpaceName => inner.SpaceName;
    public string? InstallationId => inner.InstallationId;

    public string? ServerVersion => inner.ServerVersion;

    /// <summary>The client this one guards (to read its request counters).</summary>
    public IOctopusSpaceClient Inner => inner;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default) =>
        Guard("GET", path, () => inner.GetAsync(path, cancellationToken));

    public Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default) =>
        Guard("GET", collection, () => inner.GetAllAsync(collection, cancellationToken));

    public Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Guard("GET", collection, () => inner.GetByIdsAsync(collection, ids, cancellationToken));

    public Task<IReadOnlyList<T>> GetByIdsAsync<T>(string collection, IReadOnlyCollection<string> ids, Func<IReadOnlyList<JsonObject>, T> keep, CancellationToken cancellationToken = default) =>
        Guard("GET", collection, () => inner.GetByIdsAsync(collection, ids, keep, cancellationToken));

    public async IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfStopped("GET", collection);
        await using var e = inner.ListAsync(collection, query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await e.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OctopusApiException ex) when (ex.IsUnauthorized)
            {
                Interlocked.CompareExchange(ref refusal, ex, null);
                throw;
            }

            if (!more)
            {
                yield break;
            }

            yield return e.Current;
        }
    }

    public Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default) =>
        Guard("POST", collection, () => inner.CreateAsync(collection, body, cancellationToken));

    public Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        Guard("PUT", path, () => inner.UpdateAsync(path, body, cancellationToken));

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        Guard("POST", path, () => inner.PostAsync(path, body, cancellationToken));

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        Guard("DELETE", path, async () =>
        {
            await inner.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private async Task<T> Guard<T>(string method, string path, Func<Task<T>> send)
    {
        ThrowIfStopped(method, path);
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (OctopusApiException ex) when (ex.IsUnauthorized)
        {
            Interlocked.CompareExchange(ref refusal, ex, null);
            throw;
        }
    }

    private void ThrowIfStopped(string method, string path)
    {
        if (Refusal is { } first)
        {
            throw new OctopusApiException(method, path, first.StatusCode,
                $"not sent: {destination} refused an earlier request ({first.StatusCode} on {first.Method} {first.Url}); nothing more is sent to it in this run", []);
        }
    }
}
