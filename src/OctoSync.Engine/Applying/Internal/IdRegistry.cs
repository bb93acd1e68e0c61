using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// The ids this apply learned (objects it created, the objects Octopus created with them, actions of processes it
/// wrote) and the objects it failed to write, so that later changes can resolve their <see cref="ReferenceToken"/>s
/// or be skipped because what they need does not exist. Thread-safe: projects are written in parallel.
/// </summary>
internal sealed class IdRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _idsByToken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _companions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(ResourceKind Kind, string Key)> _failed = [];
    private readonly Dictionary<string, Lazy<Task>> _deferredChannels = new(StringComparer.OrdinalIgnoreCase);

    public void Record(ResourceKind kind, string key, string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            lock (_gate)
            {
                _idsByToken[ReferenceToken.For(kind, key)] = id;
            }
        }
    }

    /// <summary>Records an object Octopus created with its owner, with the document it answered (so that updating it
    /// later in this apply needs no second read).</summary>
    public void RecordCompanion(ResourceKind kind, string key, JsonObject document)
    {
        Record(kind, key, document.Str("Id"));
        lock (_gate)
        {
            _companions[ReferenceToken.For(kind, key)] = document;
        }
    }

    /// <summary>
    /// The channels Octopus created with a new project (its default channel), to be read only when a later change needs
    /// one (issue #10: the POST's answer does not carry them, and most plans never name the default channel, so reading
    /// them for every new project cost a GET each). <paramref name="read"/> runs at most once and records what it read.
    /// </summary>
    public void DeferChannels(string projectKey, Func<Task> read)
    {
        lock (_gate)
        {
            _deferredChannels[projectKey] = new Lazy<Task>(read, LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>
    /// Reads the deferred channels of every new project that <paramref name="tokens"/> may name (a token of a channel of
    /// that project); true when any was read, so the tokens may resolve now.
    /// </summary>
    public async Task<bool> ReadDeferredChannelsAsync(IEnumerable<string> tokens)
    {
        List<Lazy<Task>> reads;
        lock (_gate)
        {
            var channelPrefix = ReferenceToken.For(ResourceKind.Channel, "");
            reads = [.. _deferredChannels
                .Where(p => tokens.Any(t => t.StartsWith(channelPrefix + p.Key + "/", StringComparison.OrdinalIgnoreCase)))
                .Select(p => p.Value)];
        }

        foreach (var read in reads)
        {
            await read.Value.ConfigureAwait(false);
        }

        return reads.Count > 0;
    }

    /// <summary>The document of a companion recorded by <see cref="RecordCompanion"/>, taken once.</summary>
    public JsonObject? TakeCompanion(ResourceKind kind, string key)
    {
        lock (_gate)
        {
            return _companions.Remove(ReferenceToken.For(kind, key), out var document) ? document : null;
        }
    }

    public bool TryGet(ResourceKind kind, string key, out string id) => TryGetToken(ReferenceToken.For(kind, key), out id);

    public bool TryGetToken(string token, out string id)
    {
        lock (_gate)
        {
            return _idsByToken.TryGetValue(token, out id!);
        }
    }

    /// <summary>Known tokens, longest first (for tokens embedded in longer strings).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TokensLongestFirst
    {
        get
        {
            lock (_gate)
            {
                return _idsByToken.OrderByDescending(p => p.Key.Length).ToList();
            }
        }
    }

    public void MarkFailed(ResourceKind kind, string key)
    {
        lock (_gate)
        {
            _failed.Add((kind, key));
        }
    }

    /// <summary>
    /// The object, or its owner, that was not written (its own change, or the one creating its owner, failed):
    /// a project owns its variable set, deployment process, channels, runbooks and actions; a runbook its process and
    /// actions; a process its actions; a library variable set its variable set.
    /// </summary>
    /// <returns>The failed object (itself or its owner), or null.</returns>
    public (ResourceKind Kind, string Key)? FailedDependency(ResourceKind kind, string key)
    {
        lock (_gate)
        {
            return _failed.Where(f => Owns(f.Kind, f.Key, kind, key)).Select(f => ((ResourceKind, string)?)f).FirstOrDefault();
        }
    }

    private static bool Owns(ResourceKind ownerKind, string ownerKey, ResourceKind kind, string key)
    {
        if (ownerKind == kind && string.Equals(ownerKey, key, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var child = key.StartsWith(ownerKey + "/", StringComparison.OrdinalIgnoreCase);
        return ownerKind switch
        {
            ResourceKind.Project =>
                (kind == ResourceKind.VariableSet && Same(key, ResourceKeys.VariableSet("Project", ownerKey)))
                || (kind == ResourceKind.DeploymentProcess && Same(key, ownerKey))
                || (child && kind is ResourceKind.Channel or ResourceKind.Runbook or ResourceKind.RunbookProcess or ResourceKind.Action),
            ResourceKind.Runbook => (kind == ResourceKind.RunbookProcess && Same(key, ownerKey)) || (child && kind == ResourceKind.Action),
            ResourceKind.DeploymentProcess or ResourceKind.RunbookProcess => child && kind == ResourceKind.Action,
            ResourceKind.LibraryVariableSet or ResourceKind.ScriptModule =>
                kind == ResourceKind.VariableSet && Same(key, ResourceKeys.VariableSet("LibraryVariableSet", ownerKey)),
            _ => false,
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
