using OctoSync.Engine.Api;
using OctoSync.Engine.Applying;
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
        var sourceClient = ConnectAsync(configuration.Source, "source", ApiKeySetting(configuration, null), progress, ct);
        var destinationClients = destinations.Select(d => ConnectAsync(d.Connection, d.Name, ApiKeySetting(configuration, d.Name), progress, ct)).ToList();
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
        // Every secret source is resolved now, after the inputs are read and before anything is planned or written.
        var secrets = await DestinationSecrets.ResolveAsync(configuration, destinations, folder, services.Environment, ct).ConfigureAwait(false);
        return destinations.Select((d, i) =>
        {
            var state = services.LoadState(folder, d.Name);
            progress?.Report(new SyncProgress("plan", d.Name, "planning"));
            var plan = services.Plan(Input(configuration, d, sourceSnapshot.Result, destinationSnapshots[i].Result, state) with { Secrets = secrets[i].Supplied });
            return new DestinationPlan(d, destinationClients[i].Result, sourceSnapshot.Result, destinationSnapshots[i].Result, state, plan) { Secrets = secrets[i] };
        }).ToList();
    }

    /// <summary>
    /// Applies one destination's plan and saves the new state. A version conflict (the destination changed between
    /// read and write) re-reads and re-plans that destination once (issue #4) and applies the new plan.
    /// </summary>
    public async Task<DestinationApplyResult> ApplyAsync(
        SyncConfiguration configuration, DestinationPlan planned, IProgress<ApplyProgress>? progress = null, IProgress<SyncProgress>? events = null, CancellationToken ct = default)
    {
        if (planned.Plan.HasErrors)
        {
            throw new SyncException($"The plan for {planned.Configuration.Name} has errors; nothing was written.");
        }

        var folder = StateFolder(configuration);
        // Supplied secrets replace their tokens only in the bodies sent; the plan keeps the tokens.
        var client = planned.Secrets.IsEmpty ? planned.Client : new Secrets.SecretInjectingClient(planned.Client, planned.Secrets);
        var first = await PlanApplier.ApplyAsync(planned.Plan, client, progress, ct).ConfigureAwait(false);
        var state = planned.State.With(first.StateUpdates);
        services.SaveState(folder, state);
        if (!first.HasConflicts)
        {
            return new DestinationApplyResult(planned.Configuration.Name, first);
        }

        events?.Report(new SyncProgress("plan", planned.Configuration.Name, "the destination changed while applying: re-reading and re-planning once"));
        var destination = await ReadAsync(planned.Client, planned.Configuration.Name, events, ct).ConfigureAwait(false);
        var replanned = services.Plan(Input(configuration, planned.Configuration, planned.Source, destination, state) with { Secrets = planned.Secrets.Supplied });
        var retry = await PlanApplier.ApplyAsync(replanned, client, progress, ct).ConfigureAwait(false);
        services.SaveState(folder, state.With(retry.StateUpdates));
        return new DestinationApplyResult(planned.Configuration.Name, first, replanned, retry);
    }

    /// <summary>Connects to the source and every destination (concurrently) and returns the clients, source first.</summary>
    public async Task<IReadOnlyList<(string Name, IOctopusSpaceClient Client)>> ConnectAllAsync(
        SyncConfiguration configuration, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var targets = new[] { ("source", configuration.Source) }.Concat(configuration.Destinations.Select(d => (d.Name, d.Connection))).ToList();
        var clients = await Task.WhenAll(targets.Select((t, i) => ConnectAsync(t.Item2, t.Item1, ApiKeySetting(configuration, i == 0 ? null : t.Item1), progress, ct))).ConfigureAwait(false);
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

    /// <summary>Where the API key of a connection is configured, for the error when the server rejects it.</summary>
    private static string ApiKeySetting(SyncConfiguration configuration, string? destination) =>
        $"{configuration.FilePath}: " + (destination is null ? "source.apiKey" : $"destinations[name: {destination}].apiKey");

    private async Task<IOctopusSpaceClient> ConnectAsync(OctopusConnection connection, string target, string apiKeySetting, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new SyncProgress("connect", target, connection.ToString()));
        try
        {
            return await services.Connect(connection, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            // A rejected key names the setting it came from, so the person knows which ${VARIABLE} to fix.
            var key = e.IsUnauthorized ? $" The API key is the one configured at {apiKeySetting}." : "";
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
