using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// The ids this apply learned (objects it created, the objects Octopus created with them, actions of processes it
/// wrote) and the objects it failed to write, so that later changes can resolve their <see cref="ReferenceToken"/>s
/// or be skipped because what they need does not exist.
/// </summary>
internal sealed class IdRegistry
{
    private readonly Dictionary<string, string> _idsByToken = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(ResourceKind Kind, string Key)> _failed = [];

    public void Record(ResourceKind kind, string key, string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _idsByToken[ReferenceToken.For(kind, key)] = id;
        }
    }

    public bool TryGet(ResourceKind kind, string key, out string id) => TryGetToken(ReferenceToken.For(kind, key), out id);

    public bool TryGetToken(string token, out string id) => _idsByToken.TryGetValue(token, out id!);

    /// <summary>Known tokens, longest first (for tokens embedded in longer strings).</summary>
    public IEnumerable<KeyValuePair<string, string>> TokensLongestFirst => _idsByToken.OrderByDescending(p => p.Key.Length);

    public void MarkFailed(ResourceKind kind, string key) => _failed.Add((kind, key));

    /// <summary>
    /// The object, or its owner, that was not written (its own change, or the one creating its owner, failed):
    /// a project owns its variable set, deployment process, channels, runbooks and actions; a runbook its process and
    /// actions; a process its actions; a library variable set its variable set.
    /// </summary>
    /// <returns>The failed object (itself or its owner), or null.</returns>
    public (ResourceKind Kind, string Key)? FailedDependency(ResourceKind kind, string key) =>
        _failed.Where(f => Owns(f.Kind, f.Key, kind, key)).Select(f => ((ResourceKind, string)?)f).FirstOrDefault();

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
