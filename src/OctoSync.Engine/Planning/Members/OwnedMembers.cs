using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Members;

/// <summary>
/// The members OctoSync recorded in the state, indexed once by owner (linear in the state's size). Member state keys
/// are <c>{Kind}:{Owner}|{Member}</c> in <see cref="SyncState.Objects"/>, e.g. <c>Tag:Region|EU</c>,
/// <c>TenantConnection:Acme|OctoFx/Staging</c>; a '|' separates the owner from the member because names of owners
/// and members may hold '/'.
/// </summary>
public sealed class OwnedMembers
{
    private readonly Dictionary<string, Dictionary<string, string>> _byOwner = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _kind;

    private OwnedMembers(string kind) => _kind = kind;

    public static OwnedMembers Index(SyncState? state, string kind)
    {
        var index = new OwnedMembers(kind);
        var prefix = kind + ":";
        foreach (var (key, value) in state?.Objects ?? new Dictionary<string, ObjectState>())
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[prefix.Length..];
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                continue;
            }

            var owner = rest[..bar];
            if (!index._byOwner.TryGetValue(owner, out var members))
            {
                members = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                index._byOwner[owner] = members;
            }

            members[rest[(bar + 1)..]] = value.Fingerprint;
        }

        return index;
    }

    /// <summary>The state key of a member.</summary>
    public string Key(string owner, string member) => $"{_kind}:{owner}|{member}";

    /// <summary>Member → fingerprint OctoSync wrote, for one owner (empty when none).</summary>
    public IReadOnlyDictionary<string, string> Of(string owner) =>
        _byOwner.TryGetValue(owner, out var members) ? members : new Dictionary<string, string>();

    /// <summary>The state update that records (or, for a null fingerprint, forgets) a member.</summary>
    public StateUpdate Update(string owner, string member, string? fingerprint) =>
        fingerprint is null ? new StateUpdate.RemoveObject(Key(owner, member)) : new StateUpdate.SetObject(Key(owner, member), new ObjectState(fingerprint));
}
