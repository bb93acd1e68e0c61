using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Sync;

/// <summary>
/// The parts a sync run is made of, as functions, so that the orchestration can be tested with fakes and the CLI
/// and the tests share one wiring .
/// </summary>
public sealed record SyncServices
{
    /// <summary>Connects to one space (resolving the space name); throws <see cref="OctopusApiException"/> on failure.</summary>
    public required Func<OctopusConnection, CancellationToken, Task<IOctopusSpaceClient>> Connect { get; init; }

    /// <summary>Reads a whole space (<see cref="SnapshotReader.ReadAsync"/>).</summary>
    public required Func<IOctopusSpaceClient, IProgress<ReadProgress>?, CancellationToken, Task<SpaceSnapshot>> Read { get; init; }

    /// <summary>The pure planner.</summary>
    public required Func<PlanningInput, Plan> Plan { get; init; }

    /// <summary>Loads the state of one destination from a folder (empty when there is none yet).</summary>
    public required Func<string, string, SyncState> LoadState { get; init; }

    /// <summary>Saves the state of one destination into a folder, atomically (and clears its journal).</summary>
    public required Action<string, SyncState> SaveState { get; init; }

    /// <summary>Where <c>${NAME}</c> secret sources are looked up (docs/secrets.md); the process environment unless a test replaces it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// When set, used instead of <see cref="Connect"/> with the client options of the run: the configured timeout and
    /// a callback that shows each retry's wait on <see cref="Notices"/>.
    /// </summary>
    public Func<OctopusConnection, OctopusClientOptions, CancellationToken, Task<IOctopusSpaceClient>>? ConnectWith { get; init; }

    /// <summary>The state file of a destination in a folder (the lock file sits beside it).</summary>
    public Func<string, string, string> StatePathFor { get; init; } = (folder, destination) => new StateStore(folder).PathFor(destination);

    /// <summary>Lines a person should see while the run goes on — retry waits, warnings — whatever the output format.</summary>
    public Action<string>? Notices { get; init; }

    /// <summary>Appends one write's state updates to the journal beside a destination's state file, durably
    /// (folder, destination, entry; <see cref="StateStore.Append"/>).</summary>
    public required Action<string, string, StateJournalEntry> AppendJournal { get; init; }
}
