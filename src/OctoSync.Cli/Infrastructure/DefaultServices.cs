using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;
using OctoSync.Engine.State;
using OctoSync.Engine.Sync;

namespace OctoSync.Cli.Infrastructure;

/// <summary>The real wiring: the configuration loader, the HTTP client, the snapshot reader, the planner and the state store.</summary>
public static class DefaultServices
{
    public static CliServices Cli { get; } = new()
    {
        LoadConfiguration = path => ConfigurationLoader.Load(path),
        Sync = Sync(),
    };

    public static SyncServices Sync() => new()
    {
        Connect = (connection, ct) => OctopusClient.ConnectAsync(connection, null, ct),
        ConnectWith = OctopusClient.ConnectAsync,
        Read = (client, progress, ct) => SnapshotReader.ReadAsync(client, progress, ct),
        Plan = SyncPlanner.Plan,
        LoadState = (folder, destination) => new StateStore(folder).Load(destination),
        SaveState = (folder, state) => new StateStore(folder).Save(state),
        AppendJournal = (folder, destination, entry) => new StateStore(folder).Append(destination, entry),
    };
}
