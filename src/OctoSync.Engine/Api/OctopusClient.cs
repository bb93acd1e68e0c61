using System.Text.Json.Nodes;
using OctoSync.Engine.Api.Internal;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Api;

/// <summary>Connects to one space of an Octopus Server.</summary>
public static class OctopusClient
{
    /// <summary>
    /// Checks that the URL is an Octopus Server whose API OctoSync speaks (<c>ApiVersion</c> 3.0.x), then finds
    /// the space by name (exact, case-insensitive; null = the default space). The returned client is an
    /// <see cref="OctopusSpaceClient"/>: dispose it when done.
    /// </summary>
    /// <exception cref="OctopusApiException">The server cannot be reached, rejects the API key, or has no such space.</exception>
    public static async Task<IOctopusSpaceClient> ConnectAsync(OctopusConnection connection, OctopusClientOptions? options = null, CancellationToken ct = default)
    {
        var sender = new OctopusSender(connection, options ?? new OctopusClientOptions());
        try
        {
            var serverVersion = await CheckApiVersionAsync(sender, ct);
            var space = await FindSpaceAsync(sender, connection.Space, ct);
            return new OctopusSpaceClient(sender, space.Id(), space.Name(), serverVersion);
        }
        catch
        {
            sender.Dispose();
            throw;
        }
    }

    /// <summary>Checks <c>ApiVersion</c>; returns the server's <c>Version</c> (what each side runs, shown in the plan).</summary>
    private static async Task<string?> CheckApiVersionAsync(OctopusSender sender, CancellationToken ct)
    {
        var url = OctopusUrls.Resolve(sender.ServerUrl, null, "/api");
        var root = await SendAsync(sender, url, ct) as JsonObject;
        var version = root?.Str("ApiVersion");
        if (version is null || !version.StartsWith("3.0.", StringComparison.Ordinal))
        {
            var found = version is null ? "no ApiVersion: is this the URL of an Octopus Server?" : $"ApiVersion {version}; OctoSync speaks 3.0.x.";
            throw new OctopusApiException("GET", OctopusUrls.Display(url), 200, $"{sender.ServerUrl} answered /api with {found}", []);
        }

        return root?.Str("Version");
    }

    private static async Task<JsonObject> FindSpaceAsync(OctopusSender sender, string? name, CancellationToken ct)
    {
        var url = OctopusUrls.Resolve(sender.ServerUrl, null, "/api/spaces/all");
        var spaces = OctopusPage.Read(await SendAsync(sender, url, ct))?.Documents ?? [];
        var space = name is null
            ? spaces.FirstOrDefault(s => s.Bool("IsDefault"))
            : spaces.FirstOrDefault(s => string.Equals(s.Name(), name, StringComparison.OrdinalIgnoreCase));
        if (space is null)
        {
            var what = name is null ? "The default space" : $"Space '{name}'";
            var known = spaces.Count == 0 ? "no spaces visible to this API key" : "spaces: " + string.Join(", ", spaces.Select(s => s.Name()));
            throw new OctopusApiException("GET", OctopusUrls.Display(url), 404, $"{what} was not found on {sender.ServerUrl} ({known}).", []);
        }

        return space;
    }

    /// <summary>Sends a connection request, explaining a rejected API key without ever showing it.</summary>
    private static async Task<JsonNode?> SendAsync(OctopusSender sender, Uri url, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(HttpMethod.Get, url, null, ct);
        }
        catch (OctopusApiException ex) when (ex.IsUnauthorized)
        {
            var hint = ex.StatusCode == 401
                ? $"The API key was rejected by {sender.ServerUrl}: check the key configured for this server."
                : $"The API key has no permission to read this on {sender.ServerUrl}.";
            var errors = ex.ErrorMessage is null ? ex.Errors : [ex.ErrorMessage, .. ex.Errors];
            throw new OctopusApiException(ex.Method, ex.Url, ex.StatusCode, hint, errors, ex);
        }
    }
}
