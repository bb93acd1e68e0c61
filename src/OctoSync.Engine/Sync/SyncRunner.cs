using OctoSync.Engine.Api;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Applying.SavedPlans;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Snapshot;

namespace OctoSync.Engine.Sync;

/// <summary>
/// One sync run: connect to the source and every destination (concurrently), read their snapshots (concurrently),
/// load each destination's state, plan (pure), and — only when asked — apply and save the new state.
/// Used by the CLI and the end-to-end tests; it holds no rules of its own.
/// </summary>
public sealed class SyncRunner(SyncServices services)
{
    /// <summary>Plans every destination (or the one named).</summary>
    /// <exception cref="SyncException">Unknown destination name, or a space that cannot be reached or read.</exception>
    public async Task<IReadOnlyList<DestinationPlan>> PlanAsync(
        SyncConfiguration configuration, string? destinationName = null, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var destinations = Select(configuration, destinationName);
        var sourceClient = ConnectAsync(configuration.Source, "source", progress, ct);
        var destinationClients = destinations.Select(d => ConnectAsync(d.Connection, d.Name, progress, ct)).ToList();
        await Task.WhenAll(destinationClients.Append(sourceClient)).ConfigureAwait(false);

        var sourceSnapshot = ReadAsync(sourceClient.Result, "source", progress, ct);
        var destinationSnapshots = destinationClients.Select((c, i) => ReadAsync(c.Result, destinations[i].Name, progress, ct)).ToList();
        try
        {
            await Task.WhenAll(destinationSnapshots.Append(sourceSnapshot)).ConfigureAwait(false);
        }
        finally
        {
            // The source is only read: release its connections now (destination clients travel with their plans to apply).
            (sourceClient.Result as IDisposable)?.Dispose();
        }

        CheckNames(configuration, sourceSnapshot.Result, destinations, destinationSnapshots.Select(t => t.Result).ToList());
        var folder = StateFolder(configuration);
        return destinations.Select((d, i) =>
        {
            var state = services.LoadState(folder, d.Name);
            progress?.Report(new SyncProgress("plan", d.Name, "planning"));
            var plan = services.Plan(Input(configuration, d, sourceSnapshot.Result, destinationSnapshots[i].Result, state));
            return new DestinationPlan(d, destinationClients[i].Result, sourceSnapshot.Result, destinationSnapshots[i].Result, state, plan);
        }).ToList();
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
        var (first, state) = await ApplyAndSaveAsync(folder, planned.Plan, planned.Client, planned.State, options, progress, ct).ConfigureAwait(false);
        if (!first.HasConflicts || first.Interrupted || options.Stop.IsCancellationRequested)
        {
            return new DestinationApplyResult(planned.Configuration.Name, first);
        }

        events?.Report(new SyncProgress("plan", planned.Configuration.Name, "the destination changed while applying: re-reading and re-planning once"));
        var destination = await ReadAsync(planned.Client, planned.Configuration.Name, events, ct).ConfigureAwait(false);
        var replanned = services.Plan(Input(configuration, planned.Configuration, planned.Source, destination, state));
        var (retry, _) = await ApplyAndSaveAsync(folder, replanned, planned.Client, state, options, progress, ct).ConfigureAwait(false);
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

        var client = await ConnectAsync(destination.Connection, destination.Name, events, ct).ConfigureAwait(false);
        try
        {
            var server = SavedDestinationPlan.ServerOf(client);
            if (!string.Equals(server, saved.Server, StringComparison.OrdinalIgnoreCase) || !string.Equals(client.SpaceId, saved.SpaceId, StringComparison.OrdinalIgnoreCase))
            {
                throw new SyncException($"The saved plan for {saved.Destination} was made for {saved.Server} (space {saved.SpaceId}), but the configuration points {destination.Name} at {server} (space {client.SpaceId}); nothing was written. Re-run plan.");
            }

            var folder = StateFolder(configuration);
            var state = services.LoadState(folder, destination.Name);
            events?.Report(new SyncProgress("check", destination.Name, "checking that the saved plan is current"));
            var stale = await StalePlanCheck.FindAsync(saved, state, client, ct).ConfigureAwait(false);
            if (stale.Count > 0)
            {
                throw new SyncException($"stale plan: re-run plan. {string.Join("; ", stale)}. Nothing was written.");
            }

            var (result, _) = await ApplyAndSaveAsync(folder, saved.Plan, client, state, options, progress, ct).ConfigureAwait(false);
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
        var clients = await Task.WhenAll(targets.Select(t => ConnectAsync(t.Item2, t.Item1, progress, ct))).ConfigureAwait(false);
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

    /// <summary>Names in the configuration that must exist on the instances (environments, lifecycles): checked once both are read.</summary>
    /// <exception cref="ConfigurationException">A name that does not exist, with file, line and key.</exception>
    private static void CheckNames(SyncConfiguration configuration, SpaceSnapshot source, List<DestinationConfiguration> destinations, List<SpaceSnapshot> snapshots)
    {
        var errors = destinations.SelectMany((d, i) =>
            ConfigurationChecks.CheckEnvironments(configuration, Names(source.Environments), d.Name, Names(snapshots[i].Environments))
                .Concat(ConfigurationChecks.CheckLifecycles(configuration, Names(source.Lifecycles), d.Name, Names(snapshots[i].Lifecycles))))
            .Distinct().ToList();
        if (errors.Count > 0)
        {
            throw new ConfigurationException(configuration.FilePath, errors);
        }
    }

    private static List<string> Names(IEnumerable<System.Text.Json.Nodes.JsonObject> documents) => documents.Select(d => d.Name()).ToList();

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

    private async Task<IOctopusSpaceClient> ConnectAsync(OctopusConnection connection, string target, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new SyncProgress("connect", target, connection.ToString()));
        try
        {
            return await services.Connect(connection, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            throw new SyncException($"Cannot connect to {target} at {connection}: {e.Message}", e);
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
