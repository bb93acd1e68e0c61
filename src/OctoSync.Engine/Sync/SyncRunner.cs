using OctoSync.Engine.Api;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Applying.SavedPlans;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Sync;

/// <summary>
/// One sync run: connect to the source and every destination (concurrently), read their snapshots (concurrently),
/// load each destination's state, plan (pure), and — only when asked — apply and save the new state.
/// Used by the CLI and the end-to-end tests; it holds no rules of its own.
/// </summary>
public sealed class SyncRunner(SyncServices services)
{
    /// <summary>The parts this runner is made of.</summary>
    public SyncServices Services => services;

    /// <summary>Connects to one space as a run does (timeout, retry waits shown); a failure is a <see cref="SyncException"/>.</summary>
    public Task<IOctopusSpaceClient> ConnectOneAsync(OctopusConnection connection, string target, SyncConfiguration configuration, IProgress<SyncProgress>? progress, CancellationToken ct) =>
        ConnectAsync(connection, target, configuration, progress, ct);

    /// <summary>Plans every destination (or the one named); any destination that cannot be planned fails the whole call.</summary>
    /// <exception cref="SyncException">Unknown destination name, or a space that cannot be reached or read.</exception>
    public async Task<IReadOnlyList<DestinationPlan>> PlanAsync(
        SyncConfiguration configuration, string? destinationName = null, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        using var run = await PlanEachAsync(configuration, destinationName, new RunOptions(), progress, ct).ConfigureAwait(false);
        if (run.Failed.Count > 0)
        {
            throw new SyncException(run.Failed[0].Message);
        }

        return run.Planned;
    }

    /// <summary>
    /// Plans each destination on its own (issue #9 item 6): one that is locked, unreachable, unreadable or whose state
    /// cannot be used is reported in <see cref="RunPlan.Failed"/> and the others are planned. Before anything is read
    /// from a destination its lock is taken and its state folder proven writable (when <see cref="RunOptions.Lock"/>);
    /// before any plan is made every configuration name is checked against the instances.
    /// </summary>
    /// <exception cref="SyncException">Unknown destination name, or the source cannot be reached or read.</exception>
    /// <exception cref="ConfigurationException">A configuration name that does not exist on an instance.</exception>
    public async Task<RunPlan> PlanEachAsync(
        SyncConfiguration configuration, string? destinationName, RunOptions options, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var destinations = Select(configuration, destinationName);
        var folder = StateFolder(configuration);
        var failed = new List<DestinationFailure>();
        var locks = new List<IDisposable>();
        var clients = new List<IOctopusSpaceClient>();
        try
        {
            if (options.Lock)
            {
                destinations = destinations.Where(d => TakeLock(d.Name, folder, options, locks, failed, progress)).ToList();
            }

            var sourceClient = ConnectAsync(configuration.Source, "source", configuration, progress, ct);
            var destinationClients = destinations.Select(d => Contained(d.Name, "connect", ConnectAsync(d.Connection, d.Name, configuration, progress, ct))).ToList();
            await Task.WhenAll(destinationClients.Append<Task>(sourceClient)).ConfigureAwait(false);
            var source = sourceClient.Result;
            clients.Add(source);
            var connected = new List<(DestinationConfiguration Configuration, StoppingClient Client)>();
            for (var i = 0; i < destinations.Count; i++)
            {
                if (Report(destinationClients[i].Result, failed) is { } client)
                {
                    // Stops at the first 401/403: a rejected key gets no further requests in this run.
                    connected.Add((destinations[i], new StoppingClient(client, destinations[i].Name)));
                }
            }

            var sourceSnapshot = ReadAsync(source, "source", progress, ct);
            var destinationSnapshots = connected.Select(c => Contained(c.Configuration.Name, "read", ReadAsync(c.Client, c.Configuration.Name, progress, ct))).ToList();
            try
            {
                await Task.WhenAll(destinationSnapshots.Append<Task>(sourceSnapshot)).ConfigureAwait(false);
            }
            finally
            {
                // The source is only read: release its connections now (destination clients travel with their plans to apply).
                (source as IDisposable)?.Dispose();
            }

            // Reading is over: what it parsed and compressed is garbage now, and much of it has aged into the older
            // generations, which the GC would collect only much later. One full, compacting collection here, once per
            // run, lets the state and the plan start from the snapshots alone (issue #10: at 500 projects the state
            // loaded on top of the read's garbage and set the run's peak, 245-328 MiB from one run to the next).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            var read = new List<(DestinationConfiguration Configuration, StoppingClient Client, SpaceSnapshot Snapshot)>();
            for (var i = 0; i < connected.Count; i++)
            {
                if (Report(destinationSnapshots[i].Result, failed) is { } snapshot)
                {
                    read.Add((connected[i].Configuration, connected[i].Client, snapshot));
                }
                else
                {
                    connected[i].Client.Dispose();
                }
            }

            // Every name in the file must resolve before anything is planned (and so before the first write).
            var errors = NameChecks.Errors(configuration, InstanceNames.Of(sourceSnapshot.Result), read.Select(r => (r.Configuration.Name, InstanceNames.Of(r.Snapshot))))
                .Concat(read.SelectMany(r => Secrets.SecretTargets.Errors(configuration, r.Configuration, sourceSnapshot.Result, r.Snapshot)))
                .ToList();
            if (errors.Count > 0)
            {
                foreach (var r in read)
                {
                    r.Client.Dispose();
                }

                throw new ConfigurationException(configuration.FilePath, errors);
            }

            // Every secret source is resolved now, after the inputs are read and before anything is planned or written.
            var secrets = await DestinationSecrets.ResolveAsync(configuration, read.Select(r => r.Configuration).ToList(), folder, services.Environment, ct).ConfigureAwait(false);
            var planned = new List<DestinationPlan>();
            for (var i = 0; i < read.Count; i++)
            {
                var (d, client, snapshot) = read[i];
                SyncState state;
                try
                {
                    state = StateBinding.Bind(services.LoadState(folder, d.Name), client, services.StatePathFor(folder, d.Name), options.RebindState);
                }
                catch (Exception e) when (e is StateException or SyncException)
                {
                    failed.Add(new DestinationFailure(d.Name, "state", e.Message));
                    client.Dispose();
                    continue;
                }

                progress?.Report(new SyncProgress("plan", d.Name, "planning"));
                var plan = services.Plan(Input(configuration, d, sourceSnapshot.Result, snapshot, state) with { Secrets = secrets[i].Supplied });
                planned.Add(new DestinationPlan(d, client, sourceSnapshot.Result, snapshot, state, plan) { Secrets = secrets[i] });
            }

            // Failures in the order of the file, like the plans.
            var order = configuration.Destinations.Select(d => d.Name).ToList();
            return new RunPlan(planned, failed.OrderBy(f => order.IndexOf(f.Destination)).ToList(), locks);
        }
        catch
        {
            foreach (var l in locks)
            {
                l.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Applies one destination's plan and saves the new state. Each write that succeeds is journaled beside the state
    /// before the next write starts, so an apply killed at any point loses at most the write in flight (issue #7);
    /// Ctrl+C and SIGTERM (<see cref="ApplyOptions.Stop"/>) let the writes in flight finish, then save. A version
    /// conflict (the destination changed between read and write) re-reads and re-plans that destination once (issue #4)
    /// and applies the new plan.
    /// </summary>
    public Task<DestinationApplyResult> ApplyAsync(
        SyncConfiguration configuration, DestinationPlan planned, IProgress<ApplyProgress>? progress = null, IProgress<SyncProgress>? events = null, CancellationToken ct = default) =>
        ApplyAsync(configuration, planned, new ApplyOptions(), progress, events, ct);

    /// <inheritdoc cref="ApplyAsync(SyncConfiguration, DestinationPlan, IProgress{ApplyProgress}?, IProgress{SyncProgress}?, CancellationToken)"/>
    public async Task<DestinationApplyResult> ApplyAsync(
        SyncConfiguration configuration, DestinationPlan planned, ApplyOptions options, IProgress<ApplyProgress>? progress = null, IProgress<SyncProgress>? events = null, CancellationToken ct = default)
    {
        if (planned.Plan.HasErrors)
        {
            throw new SyncException($"The plan for {planned.Configuration.Name} has errors; nothing was written.");
        }

        var folder = StateFolder(configuration);
        // Supplied secrets replace their tokens only in the bodies sent; the plan keeps the tokens.
        var client = planned.Secrets.IsEmpty ? planned.Client : new Secrets.SecretInjectingClient(planned.Client, planned.Secrets);
        var (first, state) = await ApplyAndSaveAsync(folder, planned.Plan, client, planned.State, options, progress, ct).ConfigureAwait(false);
        if (!first.HasConflicts || first.Interrupted || options.Stop.IsCancellationRequested)
        {
            return new DestinationApplyResult(planned.Configuration.Name, first);
        }

        events?.Report(new SyncProgress("plan", planned.Configuration.Name, "the destination changed while applying: re-reading and re-planning once"));
        var destination = await ReadAsync(planned.Client, planned.Configuration.Name, events, ct).ConfigureAwait(false);
        var replanned = services.Plan(Input(configuration, planned.Configuration, planned.Source, destination, state) with { Secrets = planned.Secrets.Supplied });
        var (retry, _) = await ApplyAndSaveAsync(folder, replanned, client, state, options, progress, ct).ConfigureAwait(false);
        return new DestinationApplyResult(planned.Configuration.Name, first, replanned, retry);
    }

    /// <summary>
    /// <c>apply FILE</c>: executes one destination of a saved plan exactly — no reading of the source, no planning.
    /// Before any write it refuses a plan made for another server or space, and a stale plan (the state or a document
    /// the plan changes moved since; <see cref="StalePlanCheck"/>). A version conflict is reported, not re-planned:
    /// what was reviewed is all that may be written.
    /// </summary>
    /// <exception cref="SyncException">Unknown destination, another instance, or a stale plan; nothing was written.</exception>
    public async Task<DestinationApplyResult> ApplySavedAsync(
        SyncConfiguration configuration, SavedDestinationPlan saved, ApplyOptions options, IProgress<ApplyProgress>? progress = null, IProgress<SyncProgress>? events = null, CancellationToken ct = default)
    {
        var destination = Select(configuration, saved.Destination)[0];
        if (saved.Plan.HasErrors)
        {
            throw new SyncException($"The saved plan for {saved.Destination} has errors; nothing was written.");
        }

        var folder = StateFolder(configuration);
        var statePath = services.StatePathFor(folder, destination.Name);
        if (StateFolderCheck.Problem(statePath) is { } problem)
        {
            throw new SyncException($"{destination.Name}: {problem}; nothing was written.");
        }

        // One run at a time, as for a planned apply: the lock is taken before anything is read.
        StateLock held;
        try
        {
            held = StateLock.Acquire(statePath, destination.Name, breakExisting: false);
        }
        catch (StateLockException e)
        {
            throw new SyncException(e.Message, e);
        }

        using var release = held;
        var client = await ConnectAsync(destination.Connection, destination.Name, configuration, events, ct).ConfigureAwait(false);
        try
        {
            var server = SavedDestinationPlan.ServerOf(client);
            if (!string.Equals(server, saved.Server, StringComparison.OrdinalIgnoreCase) || !string.Equals(client.SpaceId, saved.SpaceId, StringComparison.OrdinalIgnoreCase))
            {
                throw new SyncException($"The saved plan for {saved.Destination} was made for {saved.Server} (space {saved.SpaceId}), but the configuration points {destination.Name} at {server} (space {client.SpaceId}); nothing was written. Re-run plan.");
            }

            var state = StateBinding.Bind(services.LoadState(folder, destination.Name), client, statePath, rebind: false);
            events?.Report(new SyncProgress("check", destination.Name, "checking that the saved plan is current"));
            var stale = await StalePlanCheck.FindAsync(saved, state, client, ct).ConfigureAwait(false);
            if (stale.Count > 0)
            {
                throw new SyncException($"stale plan: re-run plan. {string.Join("; ", stale)}. Nothing was written.");
            }

            // The plan file holds tokens where supplied secrets go (never the values): resolve them again, as planning did,
            // and write through the injecting client, or the token text itself would be stored as the secret.
            var secrets = (await DestinationSecrets.ResolveAsync(configuration, [destination], folder, services.Environment, ct).ConfigureAwait(false))[0];
            var writer = secrets.IsEmpty ? client : new Secrets.SecretInjectingClient(client, secrets);
            var (result, _) = await ApplyAndSaveAsync(folder, saved.Plan, writer, state, options, progress, ct).ConfigureAwait(false);
            return new DestinationApplyResult(destination.Name, result);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>The saved form of planned destinations (<c>plan --out</c>).</summary>
    public static SavedPlan Save(IEnumerable<DestinationPlan> plans) => new()
    {
        Destinations = plans.Select(p => SavedDestinationPlan.Of(p.Configuration.Name, p.Client, p.State, p.Plan)).ToList(),
    };

    /// <summary>One pass: writes journaled as they succeed, then the state saved with every update in plan order.</summary>
    private async Task<(ApplyResult Result, State.SyncState State)> ApplyAndSaveAsync(
        string folder, Plan plan, IOctopusSpaceClient client, State.SyncState state, ApplyOptions options, IProgress<ApplyProgress>? progress, CancellationToken ct)
    {
        var serial = state.Serial;
        var journaled = options with
        {
            Recorded = updates =>
            {
                serial++;
                services.AppendJournal(folder, state.Destination, new State.StateJournalEntry(serial, updates));
                options.Recorded?.Invoke(updates);
            },
        };
        // A hard cancellation or a failing journal throws from here: what was journaled is kept (the next load replays it).
        var result = await PlanApplier.ApplyAsync(plan, client, journaled, progress, ct).ConfigureAwait(false);

        var saved = state.With(result.StateUpdates) with { Serial = serial + 1 };
        services.SaveState(folder, saved);
        return (result, saved);
    }

    /// <summary>Connects to the source and every destination (concurrently) and returns the clients, source first.</summary>
    public async Task<IReadOnlyList<(string Name, IOctopusSpaceClient Client)>> ConnectAllAsync(
        SyncConfiguration configuration, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var targets = new[] { ("source", configuration.Source) }.Concat(configuration.Destinations.Select(d => (d.Name, d.Connection))).ToList();
        var clients = await Task.WhenAll(targets.Select(t => ConnectAsync(t.Item2, t.Item1, configuration, progress, ct))).ConfigureAwait(false);
        return targets.Select((t, i) => (t.Item1, clients[i])).ToList();
    }

    public static string StateFolder(SyncConfiguration configuration) =>
        Path.IsPathRooted(configuration.StatePath)
            ? configuration.StatePath
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configuration.FilePath)) ?? ".", configuration.StatePath);

    private static PlanningInput Input(SyncConfiguration configuration, DestinationConfiguration d, SpaceSnapshot source, SpaceSnapshot destination, State.SyncState state) => new()
    {
        DestinationName = d.Name,
        Source = source,
        Destination = destination,
        EnvironmentMap = d.Environments,
        Rules = d.Rules,
        Select = configuration.Select,
        State = state,
    };

    private bool TakeLock(string destination, string folder, RunOptions options, List<IDisposable> locks, List<DestinationFailure> failed, IProgress<SyncProgress>? progress)
    {
        var statePath = services.StatePathFor(folder, destination);
        if (StateFolderCheck.Problem(statePath) is { } problem)
        {
            failed.Add(new DestinationFailure(destination, "state", $"{destination}: {problem}"));
            return false;
        }

        try
        {
            var taken = StateLock.Acquire(statePath, destination, options.BreakLock);
            locks.Add(taken);
            progress?.Report(new SyncProgress("lock", destination, $"locked {StateLock.PathFor(statePath)}"));
            return true;
        }
        catch (StateLockException e)
        {
            failed.Add(new DestinationFailure(destination, "lock", e.Message));
            return false;
        }
    }

    /// <summary>Runs one destination's step, turning its expected failure into a <see cref="DestinationFailure"/>.</summary>
    private static async Task<(T? Value, DestinationFailure? Failure)> Contained<T>(string destination, string stage, Task<T> step)
        where T : class
    {
        try
        {
            return (await step.ConfigureAwait(false), null);
        }
        catch (SyncException e)
        {
            return (null, new DestinationFailure(destination, stage, e.Message));
        }
    }

    private static T? Report<T>((T? Value, DestinationFailure? Failure) outcome, List<DestinationFailure> failed)
        where T : class
    {
        if (outcome.Failure is { } failure)
        {
            failed.Add(failure);
        }

        return outcome.Value;
    }

    private static List<DestinationConfiguration> Select(SyncConfiguration configuration, string? name)
    {
        if (name is null)
        {
            return configuration.Destinations.ToList();
        }

        var match = configuration.Destinations.Where(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count > 0
            ? match
            : throw new SyncException($"{configuration.FilePath}: no destination named '{name}' (destinations: {string.Join(", ", configuration.Destinations.Select(d => d.Name))}).");
    }

    /// <summary>Where the API key of a connection is configured, for the error when the server rejects it.</summary>
    private static string ApiKeySetting(SyncConfiguration configuration, OctopusConnection connection, string target) =>
        $"{configuration.FilePath}: " + (ReferenceEquals(connection, configuration.Source) ? "source.apiKey" : $"destinations[name: {target}].apiKey");

    private async Task<IOctopusSpaceClient> ConnectAsync(OctopusConnection connection, string target, SyncConfiguration configuration, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new SyncProgress("connect", target, connection.ToString()));
        try
        {
            if (services.ConnectWith is { } connectWith)
            {
                var notices = services.Notices;
                var options = new OctopusClientOptions { OnRetryWait = notices is null ? null : w => notices(w.Describe(target)) };
                if (configuration.Timeout is { } timeout)
                {
                    options = options with { RequestTimeout = timeout };
                }

                return await connectWith(connection, options, ct).ConfigureAwait(false);
            }

            return await services.Connect(connection, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            // A rejected key names the setting it came from, so the person knows which ${VARIABLE} to fix.
            var key = e.IsUnauthorized ? $" The API key is the one configured at {ApiKeySetting(configuration, connection, target)}." : "";
            throw new SyncException($"Cannot connect to {target} at {connection}: {e.Message}{key}", e);
        }
    }

    private async Task<SpaceSnapshot> ReadAsync(IOctopusSpaceClient client, string target, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var lines = progress is null ? null : new Callback<ReadProgress>(p => progress.Report(new SyncProgress("read", target, $"{p.Step} ({p.Done}/{p.Total})")));
        try
        {
            return await services.Read(client, lines, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            throw new SyncException($"Cannot read {target} ({client.ServerUrl}, space {client.SpaceName}): {e.Message}", e);
        }
    }

    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
