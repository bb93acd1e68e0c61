using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.ThreeWay;

/// <summary>
/// The rows "gone from the source" of the spec §6 table: something OctoSync wrote (or adopted) on the destination whose
/// source is gone — deleted, renamed away, or no longer selected or decided by the rules. Only what the state records
/// as OctoSync's reaches this table; what a person made is never removed by it.
/// </summary>
public static class GoneFromSource
{
    /// <summary>The rule that governs whole objects (projects, tenants, library variable sets, step templates).</summary>
    public const string ObjectsKey = "rules.deletions.objects";

    /// <param name="baseFingerprint">What OctoSync last wrote.</param>
    /// <param name="destinationFingerprint">The destination now, fingerprinted like the base; null when it is gone there too.</param>
    /// <param name="why">Why it is gone, for the reason: e.g. "deleted or renamed on the source".</param>
    /// <param name="wholeObject">Null for an element inside a synced object (steps, actions, values, channels, runbooks),
    /// which follows the table; for a whole object, the <c>rules.deletions.objects</c> mode, which must say <c>remove</c>.</param>
    public static ThreeWayOutcome Decide(string baseFingerprint, string? destinationFingerprint, OverwriteMode overwrite, string why, DeletionMode? wholeObject = null)
    {
        var policy = $"{ThreeWayDecision.OverwriteKey}: {ThreeWayDecision.Word(overwrite)}";
        if (destinationFingerprint is null)
        {
            return new(ChangeAction.None, "default", $"Gone from the source ({why}) and from the destination; forgotten.", false, null);
        }

        if (wholeObject == DeletionMode.Report)
        {
            return new(ChangeAction.Leave, $"{ObjectsKey}: report",
                $"Gone from the source ({why}); OctoSync created it. Reported on every run until it is removed by hand or by {ObjectsKey}: remove.",
                false, baseFingerprint);
        }

        var rule = wholeObject is null ? "default" : $"{ObjectsKey}: remove";
        if (overwrite == OverwriteMode.Always)
        {
            return new(ChangeAction.Delete, policy, $"Gone from the source ({why}); removed (overwrite is always).", destinationFingerprint != baseFingerprint, null);
        }

        if (destinationFingerprint != baseFingerprint)
        {
            return new(ChangeAction.Leave, policy,
                $"Gone from the source ({why}), but edited on the destination since OctoSync wrote it (drift); left as it is.", true, baseFingerprint);
        }

        return overwrite == OverwriteMode.Never
            ? new(ChangeAction.Leave, policy, $"Gone from the source ({why}); not removed because overwrite is never.", false, baseFingerprint)
            : new(ChangeAction.Delete, rule, $"Gone from the source ({why}); OctoSync wrote it and nobody changed it on the destination; removed.", false, null);
    }
}
