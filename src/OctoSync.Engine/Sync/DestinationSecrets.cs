using System.Security.Cryptography;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
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

    /// <summary>
    /// <c>validate</c>'s part: the entries checked against both instances (<see cref="SecretTargets"/>; only the
    /// collections they name are read) and every source resolved — with a key kept nowhere, so validate leaves no
    /// <c>secrets.key</c> and no value anywhere. Error lines as apply gives them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(
        SyncConfiguration configuration, DestinationConfiguration destination, IOctopusSpaceClient source, IOctopusSpaceClient target, Func<string, string?> environment, CancellationToken ct)
    {
        if (destination.Secrets.Count == 0)
        {
            return [];
        }

        var errors = new List<string>();
        var kinds = destination.Secrets.Select(m => m.Kind).ToHashSet();
        if (kinds.Any(k => k != SecretTargetKind.Variable))
        {
            errors.AddRange(SecretTargets.Errors(configuration, destination, await ReadAsync(source, kinds, ct).ConfigureAwait(false), await ReadAsync(target, kinds, ct).ConfigureAwait(false)));
        }

        var resolver = new SecretResolver(new SecretResolverOptions
        {
            ConfigurationFile = configuration.FilePath,
            BaseFolder = Path.GetDirectoryName(Path.GetFullPath(configuration.FilePath)) ?? ".",
            Environment = environment,
        });
        try
        {
            await resolver.ResolveAsync(destination.Secrets, SecretHashKey.FromBytes(RandomNumberGenerator.GetBytes(32)), ct).ConfigureAwait(false);
        }
        catch (SecretException e)
        {
            // The first line says nothing was written; the rest are the failures, one per line.
            errors.AddRange(e.Message.Split(Environment.NewLine).Skip(1));
        }

        return errors;
    }

    private static async Task<SpaceSnapshot> ReadAsync(IOctopusSpaceClient client, HashSet<SecretTargetKind> kinds, CancellationToken ct) => new()
    {
        SpaceId = client.SpaceId,
        SpaceName = client.SpaceName,
        Accounts = kinds.Contains(SecretTargetKind.Account) ? await client.GetAllAsync("accounts", ct).ConfigureAwait(false) : [],
        Feeds = kinds.Contains(SecretTargetKind.Feed) ? await client.GetAllAsync("feeds", ct).ConfigureAwait(false) : [],
        Certificates = kinds.Contains(SecretTargetKind.Certificate) ? await client.GetAllAsync("certificates", ct).ConfigureAwait(false) : [],
        ActionTemplates = kinds.Contains(SecretTargetKind.StepTemplate) ? await client.GetAllAsync("actiontemplates", ct).ConfigureAwait(false) : [],
    };
}
