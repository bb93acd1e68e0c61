using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;

namespace OctoSync.Engine.Api;

/// <summary>
/// The HTTP implementation of <see cref="IOctopusSpaceClient"/>, made by <see cref="OctopusClient.ConnectAsync"/>.
/// Thread-safe; requests in flight are bounded by <see cref="OctopusClientOptions.MaxConcurrentRequests"/>.
/// Dispose it when done to release its connections.
/// </summary>
public sealed partial class OctopusSpaceClient : IOctopusSpaceClient, IDisposable
{
    private readonly OctopusSender sender;

    internal OctopusSpaceClient(OctopusSender sender, string spaceId, string spaceName, string? serverVersion = null, string? installationId = null)
    {
        this.sender = sender;
        SpaceId = spaceId;
        SpaceName = spaceName;
        ServerVersion = serverVersion;
        InstallationId = installationId;
    }

    public string? ServerVersion { get; }

    public Uri ServerUrl => sender.ServerUrl;

    public string SpaceId { get; }

    public string SpaceName { get; }

    public string? InstallationId { get; }

    /// <summary>HTTP requests sent so far, retries and the connection's own requests included.</summary>
    public long RequestCount => sender.Counters.Requests;

    /// <summary>The client-side pace of this instance (<c>requestsPerMinute</c>), or null when it is not paced.</summary>
    public int? RequestsPerMinute => sender.Pacer?.RequestsPerMinute;

    /// <summary>Of <see cref="RequestCount"/>, how many were retries.</summary>
    public long RetryCount => sender.Counters.Retries;

    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default) =>
        ExpectObject("GET", path, await SendAsync(HttpMethod.Get, path, null, cancellationToken));

    public async Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default) =>
        ExpectObject("POST", collection, await SendAsync(HttpMethod.Post, collection, body, cancellationToken));

    public async Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        ExpectObject("PUT", path, await SendAsync(HttpMethod.Put, path, body, cancellationToken));

    public async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        ExpectObject("POST", path, await SendAsync(HttpMethod.Post, path, body, cancellationToken));

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    public void Dispose() => sender.Dispose();

    /// <summary>The request URL of a space-relative or absolute API path.</summary>
    public Uri ResolveUrl(string path) => OctopusUrls.Resolve(ServerUrl, SpaceId, path);

    private Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        sender.SendAsync(method, ResolveUrl(path), body, cancellationToken);

    private JsonObject ExpectObject(string method, string path, JsonNode? node) =>
        node as JsonObject ?? throw new OctopusApiException(method, OctopusUrls.Display(ResolveUrl(path)), 200,
            $"Expected a JSON object but got {(node is null ? "an empty body" : node.GetValueKind().ToString())}.", []);
}
