using System.Text.Json.Nodes;
using OctoSync.Engine.Api;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// The destination client apply writes through when secrets are supplied: each POST/PUT body is copied with its
/// secret tokens replaced by their values just before it is sent, so the plan (and anything rendered or saved from it)
/// keeps holding tokens only. Reads pass through (Octopus never returns a sensitive value).
/// Does not own the inner client: disposing stays with whoever created it.
/// </summary>
public sealed class SecretInjectingClient(IOctopusSpaceClient inner, ResolvedSecrets secrets) : IOctopusSpaceClient
{
    public Uri ServerUrl => inner.ServerUrl;

    public string SpaceId => inner.SpaceId;

    public string SpaceName => inner.SpaceName;

    // Default interface members are not forwarded by themselves: a wrapper that forgets one hides the server's facts.
    public string? ServerVersion => inner.ServerVersion;

    public string? InstallationId => inner.InstallationId;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default) => inner.GetAsync(path, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default) =>
        inner.GetAllAsync(collection, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.GetByIdsAsync(collection, ids, cancellationToken);

    public Task<IReadOnlyList<T>> GetByIdsAsync<T>(string collection, IReadOnlyCollection<string> ids, Func<IReadOnlyList<JsonObject>, T> keep, CancellationToken cancellationToken = default) =>
        inner.GetByIdsAsync(collection, ids, keep, cancellationToken);

    public IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, query, cancellationToken);

    public Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(collection, secrets.Inject(body), cancellationToken);

    public Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(path, secrets.Inject(body), cancellationToken);

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        inner.PostAsync(path, secrets.Inject(body), cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
}
