using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.ThreeWay;

/// <summary>
/// The recurring-sync table of spec §6 in one place, for objects, steps and variable values alike: compares what
/// OctoSync wrote last time (base), the destination now and the source now (translated: "desired"), all as
/// fingerprints of the managed fields in portable form, and decides under the overwrite policy.
/// </summary>
public static class ThreeWayDecision
{
    /// <summary>The config key the overwrite policy is read from (it governs objects and steps too).</summary>
    public const string OverwriteKey = "rules.variables.overwrite";

    /// <param name="baseFingerprint">What OctoSync last wrote; null when it never wrote this item.</param>
    /// <param name="destinationFingerprint">The destination now; null when the item is not there.</param>
    /// <param name="desiredFingerprint">The source now, translated for this destination.</param>
    public static ThreeWayOutcome Decide(string? baseFingerprint, string? destinationFingerprint, string desiredFingerprint, OverwriteMode overwrite)
    {
        var policy = $"{OverwriteKey}: {Word(overwrite)}";
        if (destinationFingerprint is null)
        {
            if (baseFingerprint is null)
            {
                return new(ChangeAction.Create, "default", "New on the destination.", false, desiredFingerprint);
            }

            return overwrite == OverwriteMode.Always
                ? new(ChangeAction.Create, policy, "Deleted on the destination since OctoSync wrote it; re-created.", false, desiredFingerprint)
                : new(ChangeAction.Leave, policy, "Deleted on the destination since OctoSync wrote it; left deleted.", false, baseFingerprint);
        }

        // Whatever the history, a destination that already holds what the source wants needs no write.
        if (destinationFingerprint == desiredFingerprint)
        {
            return baseFingerprint is null
                ? new(ChangeAction.None, "default", "Already matches the source; adopted.", false, desiredFingerprint)
                : new(ChangeAction.None, "default", "Up to date.", false, desiredFingerprint);
        }

        if (baseFingerprint is null)
        {
            return overwrite == OverwriteMode.Always
                ? new(ChangeAction.Update, policy, "Differs from the source and was not written by OctoSync; overwritten.", false, desiredFingerprint)
                : new(ChangeAction.Leave, policy, "Differs from the source but was not written by OctoSync; left as it is.", false, null);
        }

        if (destinationFingerprint != baseFingerprint)
        {
            return overwrite == OverwriteMode.Always
                ? new(ChangeAction.Update, policy, "Edited on the destination since OctoSync wrote it (drift); overwritten.", true, desiredFingerprint)
                : new(ChangeAction.Leave, policy, "Edited on the destination since OctoSync wrote it (drift); left as it is.", true, baseFingerprint);
        }

        // Destination unchanged since the last write, and the source moved on.
        return overwrite == OverwriteMode.Never
            ? new(ChangeAction.Leave, policy, "Changed on the source; not written because overwrite is never.", false, baseFingerprint)
            : new(ChangeAction.Update, "default", "Changed on the source.", false, desiredFingerprint);
    }

    /// <summary>The state key of an object: <c>{Kind}:{Key}</c>, e.g. <c>Project:OctoFx</c>.</summary>
    public static string StateKey(ResourceKind kind, string key) => $"{kind}:{key}";

    /// <summary>The base fingerprint recorded for an object, or null.</summary>
    public static string? BaseOf(SyncState? state, ResourceKind kind, string key) =>
        state is not null && state.Objects.TryGetValue(StateKey(kind, key), out var s) ? s.Fingerprint : null;

    /// <summary>The config word of an overwrite mode.</summary>
    public static string Word(OverwriteMode mode) => mode switch
    {
        OverwriteMode.Never => "never",
        OverwriteMode.Always => "always",
        _ => "unchanged",
    };
}
