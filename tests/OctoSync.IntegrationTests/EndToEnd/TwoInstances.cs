using OctoSync.Cli;
using OctoSync.Cli.Demo;
using OctoSync.Cli.Infrastructure;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Two emulated Octopus instances on loopback — Dev/Test (source) and Staging/Production (destination) — seeded with
/// the seed's OctoFx example, a configuration file and a state folder, and the real command-line app to run against them.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private static readonly string SourceKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());
    private static readonly string DestinationKey = string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());

    private TwoInstances(EmulatorServer source, EmulatorServer destination, IOctopusSpaceClient sourceClient, IOctopusSpaceClient destinationClient, string folder)
    {
        Source = source;
        Destination = destination;
        SourceClient = sourceClient;
        DestinationClient = destinationClient;
        Folder = folder;
    }

    /// <summary>
    /// The profile pair every end-to-end test runs on: <c>OCTOSYNC_E2E_PROFILES=2021.2:2026.3</c> runs the whole suite
    /// on that pair; unset, both sides are the emulator's default version.
    /// </summary>
    public static (string Source, string Destination) DefaultProfiles { get; } =
        Environment.GetEnvironmentVariable("OCTOSYNC_E2E_PROFILES")?.Split(':') is [var s, var d] ? (s, d) : (ServerProfile.Default.Name, ServerProfile.Default.Name);

    public EmulatorServer Source { get; }
    public EmulatorServer Destination { get; }
    public IOctopusSpaceClient SourceClient { get; }
    public IOctopusSpaceClient DestinationClient { get; }
    public string Folder { get; }
    public string ConfigPath => Path.Combine(Folder, "octosync.yaml");

    /// <summary>Both instances seeded; the configuration maps Test → Staging unless <paramref name="environments"/> says otherwise.</summary>
    /// <param name="profiles">Server versions of source and destination (e.g. <c>("2024.3", "2026.3")</c>); default
    /// <see cref="DefaultProfiles"/>. Rate limits are off (tests seed at full speed), whatever the version's default.</param>
    /// <param name="destinationFaultRate">The destination emulator's random faults (500, 503, dropped connections);
    /// seeding retries through them, which is safe because the emulator's faults come before any processing.</param>
    public static async Task<TwoInstances> StartAsync(
        IReadOnlyDictionary<string, string>? environments = null, string? rulesYaml = null, (string Source, string Destination)? profiles = null, double destinationFaultRate = 0)
    {
        var (sourceVersion, destinationVersion) = profiles ?? DefaultProfiles;
        var source = await EmulatorServer.StartAsync(new EmulatorOptions { ApiKey = SourceKey, ServerVersion = sourceVersion, RateLimitPerMinute = 0 });
        var destination = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = DestinationKey, ServerVersion = destinationVersion, RateLimitPerMinute = 0, FaultRate = destinationFaultRate,
        });
        var sourceClient = await OctopusClient.ConnectAsync(new OctopusConnection(source.BaseUrl, SourceKey, null));
        var destinationClient = await RetryingSeedClient.ConnectAsync(new OctopusConnection(destination.BaseUrl, DestinationKey, null));
        await OctoFxExample.SeedSourceAsync(sourceClient);
        await OctoFxExample.SeedDestinationAsync(destinationFaultRate > 0 ? new RetryingSeedClient(destinationClient) : destinationClient);
        var folder = Path.Combine(Path.GetTempPath(), $"octosync-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "octosync.yaml"), OctoFxExample.ConfigurationYaml(source.BaseUrl, destination.BaseUrl, environments, rulesYaml));
        source.ClearRequestLog();
        destination.ClearRequestLog();
        return new TwoInstances(source, destination, sourceClient, destinationClient, folder);
    }

    /// <summary>The services the CLI uses for real, with the API keys taken from here instead of the process environment.</summary>
    public CliServices Services => DefaultServices.Cli with
    {
        LoadConfiguration = path => ConfigurationLoader.Load(path, Key),
        IsInputRedirected = () => true,
        Sync = DefaultServices.Cli.Sync with { Environment = name => SecretEnvironment.GetValueOrDefault(name) },
    };

    /// <summary>What <c>${NAME}</c> secret sources see (docs/secrets.md) instead of the process environment.</summary>
    public Dictionary<string, string> SecretEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <c>octosync args… -c octosync.yaml</c> against the two instances.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var exit = await CliApp.RunAsync([.. args, "-c", ConfigPath], console, Services);
        return (exit, console.Output);
    }

    /// <summary>The end of every change history: an apply that sends no write, then a plan with nothing pending
    /// (exit 0 under --detailed-exitcode).</summary>
    public async Task AssertConvergedAsync()
    {
        Destination.ClearRequestLog();
        var (exit, output) = await RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.True(DestinationWrites().Count == 0, string.Join('\n', DestinationWrites()) + "\n" + output);
        (exit, output) = await RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", output, StringComparison.Ordinal);
    }

    /// <summary>Writes the destination received since the last call (POST, PUT, DELETE).</summary>
    public IReadOnlyList<string> DestinationWrites() =>
        Destination.RequestLog.Where(e => e.Method is "POST" or "PUT" or "DELETE").Select(e => $"{e.Method} {e.Path} {e.Status}").ToList();

    public IReadOnlyList<string> SourceWrites() =>
        Source.RequestLog.Where(e => e.Method is "POST" or "PUT" or "DELETE").Select(e => $"{e.Method} {e.Path}").ToList();

    public async ValueTask DisposeAsync()
    {
        (SourceClient as IDisposable)?.Dispose();
        (DestinationClient as IDisposable)?.Dispose();
        await Source.DisposeAsync();
        await Destination.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: leaving it behind is harmless.
        }
    }

    private static string? Key(string name) => name switch
    {
        "OCTOSYNC_DEMO_SOURCE_KEY" => SourceKey,
        "OCTOSYNC_DEMO_DESTINATION_KEY" => DestinationKey,
        _ => null,
    };
}
