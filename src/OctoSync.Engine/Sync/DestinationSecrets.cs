using OctoSync.Engine.Configuration;
using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Sync;

/// <summary>
/// Resolves the <c>secrets:</c> of every destination of a run (docs/secrets.md) with the hash key beside the state.
/// All failures of all destinations are reported together, before anything is planned or written.
/// </summary>
internal static class DestinationSecrets
{
    /// <exception cref="SyncException">A source missing or failing (file, line, key and the source as written).</exception>
    public static async Task<IReadOnlyList<ResolvedSecrets>> ResolveAsync(
        SyncConfiguration configuration, IReadOnlyList<DestinationConfiguration> destinations, string stateFolder, Func<string, string?> environment, CancellationToken ct)
    {
        if (destinations.All(d => d.Secrets.Count == 0))
        {
            return [.. destinations.Select(_ => ResolvedSecrets.None)];
        }

        var resolver = new SecretResolver(new SecretResolverOptions
        {
            ConfigurationFile = configuration.FilePath,
            BaseFolder = Path.GetDirectoryName(Path.GetFullPath(configuration.FilePath)) ?? ".",
            Environment = environment,
        });
        try
        {
            var key = SecretHashKey.LoadOrCreate(stateFolder);
            var result = new List<ResolvedSecrets>();
            var errors = new List<string>();
            foreach (var d in destinations)
            {
                try
                {
                    result.Add(await resolver.ResolveAsync(d.Secrets, key, ct).ConfigureAwait(false));
                }
                catch (SecretException e)
                {
                    errors.Add(e.Message);
                }
            }

            return errors.Count == 0 ? result : throw new SyncException(string.Join(Environment.NewLine, errors));
        }
        catch (SecretException e)
        {
            throw new SyncException(e.Message, e);
        }
    }
}
