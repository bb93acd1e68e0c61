using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;

namespace OctoSync.Cli.Infrastructure;

/// <summary>What the commands need from outside, injected so that tests can run the real commands in-process.</summary>
public sealed record CliServices
{
    /// <summary>Loads and validates a configuration file; throws the configuration's exception naming file, line and key.</summary>
    public required Func<string, SyncConfiguration> LoadConfiguration { get; init; }

    public required SyncServices Sync { get; init; }

    /// <summary>True when stdin is not a terminal: <c>apply</c> then refuses to run without <c>--yes</c>.</summary>
    public Func<bool> IsInputRedirected { get; init; } = () => Console.IsInputRedirected;

    /// <summary>Environment variables (<c>NO_COLOR</c>, <c>OCTOPUS_URL</c>, <c>OCTOPUS_API_KEY</c>, <c>OCTOPUS_SPACE</c>), injected for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
