using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Api;

/// <summary>Connects the real client to a <see cref="FakeOctopusHandler"/>.</summary>
internal static class FakeServer
{
    public static readonly string ApiKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());

    public static async Task<OctopusSpaceClient> ConnectAsync(
        FakeOctopusHandler handler, OctopusClientOptions? options = null, string? space = null, string url = "http://octopus.test/") =>
        (OctopusSpaceClient)await OctopusClient.ConnectAsync(
            new OctopusConnection(new Uri(url), ApiKey, space),
            (options ?? new OctopusClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1) }) with { HttpMessageHandler = handler });
}
