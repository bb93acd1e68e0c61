using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Sync;

/// <summary>
/// <c>validate</c>: the checks <c>apply</c> makes before its first write (issue #9 item 5), and only those — every
/// space answers with the API key given; each destination's state folder is writable, its lock is free, its state
/// file is readable and was written for this instance; every configuration name (<c>projects:</c>, environment
/// mappings, <c>rescopeTo</c>, <c>lifecycleMap</c>) resolves; every <c>secrets:</c> entry fits the item it names and
/// its source resolves (docs/secrets.md; with a key kept nowhere). Reads environments, lifecycles and projects, and
/// the accounts, feeds, certificates or step templates that <c>secrets:</c> entries name; writes nothing to any
/// instance or state folder and takes no lock.
/// </summary>
public static class SyncValidator
{
    public static async Task<ValidationReport> ValidateAsync(
        SyncConfiguration configuration, SyncRunner runner, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var services = runner.Services;
        var errors = new List<string>();
        var facts = new List<string>();
        var folder = SyncRunner.StateFolder(configuration);
        var states = new Dictionary<string, (SyncState State, string Path)>(StringComparer.Ordinal);
        foreach (var d in configuration.Destinations)
        {
            var statePath = services.StatePathFor(folder, d.Name);
            if (StateFolderCheck.Problem(statePath) is { } problem)
            {
                errors.Add($"{d.Name}: {problem}");
            }

            if (StateLock.Inspect(statePath) is { } holder)
            {
                errors.Add(StateLock.Held(d.Name, StateLock.PathFor(statePath), holder));
            }

            try
            {
                states[d.Name] = (services.LoadState(folder, d.Name), statePath);
            }
            catch (StateException e)
            {
                errors.Add(e.Message);
            }
        }

        var targets = new[] { ("source", configuration.Source) }.Concat(configuration.Destinations.Select(d => (d.Name, d.Connection))).ToList();
        var connected = await Task.WhenAll(targets.Select(async t =>
        {
            try
            {
                var client = await runner.ConnectOneAsync(t.Item2, t.Item1, configuration, progress, ct).ConfigureAwait(false);
                try
                {
                    return new Probe(t.Item1, client, await InstanceNames.ReadAsync(client, ct).ConfigureAwait(false), null);
                }
                catch (OctopusApiException e)
                {
                    return new Probe(t.Item1, client, null, $"Cannot read {t.Item1} ({client.ServerUrl}, space {client.SpaceName}): {e.Message}");
                }
            }
            catch (SyncException e)
            {
                return new Probe(t.Item1, null, null, e.Message);
            }
        })).ConfigureAwait(false);

        try
        {
            foreach (var c in connected)
            {
                if (c.Error is not null)
                {
                    errors.Add(c.Error);
                }
                else if (c.Client is not null && c.Names is not null)
                {
                    facts.Add($"{c.Name}: {c.Client.ServerUrl} space {c.Client.SpaceName} — environments: {string.Join(", ", c.Names.Environments.Order(StringComparer.OrdinalIgnoreCase))}");
                }

                if (c.Client is not null && states.TryGetValue(c.Name, out var s))
                {
                    try
                    {
                        StateBinding.Bind(s.State, c.Client, s.Path, rebind: false);
                    }
                    catch (SyncException e)
                    {
                        errors.Add(e.Message);
                    }
                }
            }

            if (connected[0].Names is { } source)
            {
                var destinations = connected.Skip(1).Where(c => c.Names is not null).Select(c => (Destination: c.Name, Names: c.Names!)).ToList();
                errors.AddRange(NameChecks.Errors(configuration, source, destinations));
                foreach (var c in connected.Skip(1).Where(c => c.Client is not null && c.Names is not null))
                {
                    try
                    {
                        errors.AddRange(await DestinationSecrets.ValidateAsync(configuration, configuration.Destinations.First(x => x.Name == c.Name),
                            connected[0].Client!, c.Client!, services.Environment, ct).ConfigureAwait(false));
                    }
                    catch (OctopusApiException e)
                    {
                        errors.Add($"Cannot read {c.Name} ({c.Client!.ServerUrl}, space {c.Client.SpaceName}): {e.Message}");
                    }
                }
                foreach (var (name, names) in destinations)
                {
                    var d = configuration.Destinations.First(x => x.Name == name);
                    var here = names.Environments.ToHashSet(StringComparer.OrdinalIgnoreCase);
                    var excluded = source.Environments.Where(s => !d.Environments.ContainsKey(s) && !here.Contains(s)).Order(StringComparer.OrdinalIgnoreCase).ToList();
                    if (excluded.Count > 0)
                    {
                        facts.Add($"{d.Name}: excluded source environments (not mapped, no same name): {string.Join(", ", excluded)}");
                    }
                }
            }
        }
        finally
        {
            // Validation is the clients' only use: release their connections.
            foreach (var c in connected)
            {
                (c.Client as IDisposable)?.Dispose();
            }
        }

        return new ValidationReport(errors, facts);
    }

    /// <summary>One instance as validate found it: connected and read, or why not.</summary>
    private sealed record Probe(string Name, IOctopusSpaceClient? Client, InstanceNames? Names, string? Error);
}
