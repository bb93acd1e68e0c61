using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;

namespace OctoSync.Cli.Infrastructure;

/// <summary>The real wiring: the configuration loader, the HTTP client, the snapshot reader, the planner and the state store.</summary>
public static class DefaultServices
{
    public static CliServices Cli { get; } = new()
    {
        LoadConfiguration = path => throw new NotSupportedException("Loading octosync.yaml is not wired yet."),
        Sync = Sync(),
    };

    public static SyncServices Sync() => new()
    {
        Connect = (connection, ct) => throw new NotSupportedException("The Octopus client is not wired yet."),
        Read = (client, progress, ct) => throw new NotSupportedException("The snapshot reader is not wired yet."),
        Plan = input => throw new NotSupportedException("The planner is not wired yet."),
        LoadState = (folder, destination) => OctoSync.Engine.State.SyncState.Empty(destination),
        SaveState = (folder, state) => { },
    };
}
