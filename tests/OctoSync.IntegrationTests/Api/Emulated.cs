using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;

namespace OctoSync.IntegrationTests.Api;

/// <summary>Connects the real client to an emulated server over loopback.</summary>
internal static class Emulated
{
    /// <summary>Short back-off so that retried tests stay quick; the policy itself is the product's.</summary>
    public static OctopusClientOptions FastRetries { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

    public static async Task<OctopusSpaceClient> ConnectAsync(EmulatorServer server, OctopusClientOptions? options = null, string? space = null) =>
        (OctopusSpaceClient)await OctopusClient.ConnectAsync(new OctopusConnection(server.BaseUrl, server.ApiKey, space), options ?? FastRetries);
}
