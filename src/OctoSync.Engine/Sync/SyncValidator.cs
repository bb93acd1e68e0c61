using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Sync;

/// <summary>
/// Checks what the configuration file alone cannot: every space answers with the API key given, and the
/// environment names of each destination's mapping exist on their side. Reads environments only; writes nothing.
/// </summary>
public static class SyncValidator
{
    public static async Task<ValidationReport> ValidateAsync(
        SyncConfiguration configuration, SyncRunner runner, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var clients = await runner.ConnectAllAsync(configuration, progress, ct).ConfigureAwait(false);
        HashSet<string>[] environments;
        try
        {
            environments = await Task.WhenAll(clients.Select(async c =>
                (await c.Client.GetAllAsync("environments", ct).ConfigureAwait(false)).Select(e => e.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase)))
                .ConfigureAwait(false);
        }
        finally
        {
            // Validation is the clients' only use: release their connections.
            foreach (var c in clients)
            {
                (c.Client as IDisposable)?.Dispose();
            }
        }

        var errors = new List<string>();
        var facts = clients.Select((c, i) => $"{c.Name}: {c.Client.ServerUrl} space {c.Client.SpaceName} — environments: {string.Join(", ", environments[i].Order(StringComparer.OrdinalIgnoreCase))}").ToList();
        var source = environments[0];
        for (var i = 0; i < configuration.Destinations.Count; i++)
        {
            var d = configuration.Destinations[i];
            var here = environments[i + 1];
            errors.AddRange(ConfigurationChecks.CheckEnvironments(configuration, source, d.Name, here));

            var excluded = source.Where(s => !d.Environments.ContainsKey(s) && !here.Contains(s)).Order(StringComparer.OrdinalIgnoreCase).ToList();
            if (excluded.Count > 0)
            {
                facts.Add($"{d.Name}: excluded source environments (not mapped, no same name): {string.Join(", ", excluded)}");
            }
        }

        return new ValidationReport(errors, facts);
    }
}
