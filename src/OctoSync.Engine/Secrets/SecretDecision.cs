using OctoSync.Engine.Configuration;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// Whether a supplied secret is written to one destination variable value (docs/secrets.md, "When a secret is
/// written"). Pure. The state keeps, per value, <c>Secret:{set key}/{name}{scope by names}</c> → the keyed hash of what
/// OctoSync supplied, or <c>placeholder</c> when it wrote the placeholder. From that:
/// <list type="bullet">
/// <item>a new value gets the secret;</item>
/// <item>a value holding OctoSync's placeholder, or a secret OctoSync supplied whose hash differs, gets it (again);</item>
/// <item>a value whose recorded hash is the current one is kept (sent as <c>Value: null</c>, Id kept);</item>
/// <item>a value OctoSync has no record of was set by a person: written only under <c>overwrite: always</c>.</item>
/// </list>
/// </summary>
public static class SecretDecision
{
    public const string PlaceholderMark = "placeholder";

    /// <summary>The rule text a written secret carries: the entry's key path.</summary>
    public static string Rule(SuppliedSecret secret) => secret.Mapping.KeyPath;

    public static string StateKey(string setKey, string name, string scopeKey) => $"Secret:{setKey}/{name}{scopeKey}";

    /// <summary>The state key of one secret field of an account, feed or certificate: <c>Secret:Account:Azure Prod/Password</c>.</summary>
    public static string StateKey(SecretTargetKind kind, string name, string field) => $"Secret:{kind}:{name}/{field}";

    /// <summary>The supplied secret for one field of an account, feed or certificate (by destination name), or null.</summary>
    public static SuppliedSecret? Find(IReadOnlyList<SuppliedSecret> supplied, SecretTargetKind kind, string name, string field) =>
        supplied.FirstOrDefault(s => s.Mapping.Kind == kind && Same(s.Mapping.Owner, name) && Same(s.Mapping.Name, field));

    /// <summary>The supplied secret for one value: an entry whose scope equals the value's scope (by destination names)
    /// wins over an entry without <c>scope:</c>; null when none names it.</summary>
    public static SuppliedSecret? Find(IReadOnlyList<SuppliedSecret> supplied, string owner, string name, IReadOnlyDictionary<string, IReadOnlyList<string>> scope)
    {
        SuppliedSecret? unscoped = null;
        foreach (var s in supplied)
        {
            var m = s.Mapping;
            if (m.Kind != SecretTargetKind.Variable || !Same(m.Owner, owner) || !Same(m.Name, name))
            {
                continue;
            }

            if (m.Scope.Count == 0)
            {
                unscoped ??= s;
            }
            else if (ScopeEquals(m.Scope, scope))
            {
                return s;
            }
        }

        return unscoped;
    }

    /// <summary>For a value that exists on the destination: write (with the state to record), or keep and why.</summary>
    public static Outcome ForExisting(SuppliedSecret secret, SyncState? state, string stateKey, OverwriteMode overwrite)
    {
        var recorded = state is not null && state.Objects.TryGetValue(stateKey, out var o) ? o.Fingerprint : null;
        var record = new StateUpdate.SetObject(stateKey, new ObjectState(secret.Hash));
        if (recorded == secret.Hash)
        {
            return new Outcome(false, null, $"the secret {secret.From} is unchanged since OctoSync wrote it");
        }

        if (recorded == PlaceholderMark)
        {
            return new Outcome(true, record, $"replaces the placeholder with the secret {secret.From}");
        }

        if (recorded is not null)
        {
            return new Outcome(true, record, $"the secret {secret.From} changed since OctoSync wrote it");
        }

        return overwrite == OverwriteMode.Always
            ? new Outcome(true, record, $"the secret {secret.From} replaces a value set on the destination (overwrite: always)")
            : new Outcome(false, null, $"its secret was set on the destination, not by OctoSync: the secret {secret.From} is written only under overwrite: always");
    }

    /// <summary>For a value the plan creates: the secret is written.</summary>
    public static Outcome ForNew(SuppliedSecret secret, string stateKey) =>
        new(true, new StateUpdate.SetObject(stateKey, new ObjectState(secret.Hash)), $"the secret is written {secret.From}");

    /// <summary>The state recorded when OctoSync writes the placeholder into a new sensitive value (no secret supplied),
    /// so that a secret supplied later may replace it.</summary>
    public static StateUpdate Placeholder(string stateKey) => new StateUpdate.SetObject(stateKey, new ObjectState(PlaceholderMark));

    private static bool ScopeEquals(IReadOnlyDictionary<string, IReadOnlyList<string>> wanted, IReadOnlyDictionary<string, IReadOnlyList<string>> actual)
    {
        if (wanted.Count != actual.Count)
        {
            return false;
        }

        foreach (var (dimension, names) in wanted)
        {
            var have = actual.FirstOrDefault(a => Same(a.Key, dimension)).Value;
            if (have is null || have.Count != names.Count || !names.All(n => have.Any(h => ItemMatches(n, h))))
            {
                return false;
            }
        }

        return true;
    }

    // Channels and actions are keyed "Project/Name" on the destination; the configuration may give the bare name.
    private static bool ItemMatches(string written, string key) =>
        Same(written, key) || key.EndsWith("/" + written, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <param name="Write">True: the value is sent (its token); false: kept (<c>Value: null</c>, Id kept).</param>
    /// <param name="State">What to record once written; null when nothing changes.</param>
    /// <param name="Reason">Plan text, naming the source as written, never the value.</param>
    public sealed record Outcome(bool Write, StateUpdate? State, string Reason);
}
