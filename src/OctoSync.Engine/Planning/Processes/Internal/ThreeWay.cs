using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>The outcome of one cell of the spec §6 table.</summary>
internal sealed record ThreeWayCell(ChangeAction Action, string Rule, string Reason, bool IsDrift = false);

/// <summary>
/// The recurring-sync decision (spec §6) for one step or runbook, from three fingerprints: what OctoSync wrote
/// last time (base), what it would write now (source, translated) and the destination now.
/// Kept in one function so that it can be swapped for the shared Planning/ThreeWay helper.
/// </summary>
internal static class ThreeWay
{
    /// <param name="destinationFingerprint">Null when the destination does not have the object.</param>
    public static ThreeWayCell Decide(string? baseFingerprint, string sourceFingerprint, string? destinationFingerprint, OverwriteMode overwrite, string what)
    {
        var rule = RuleText.Overwrite(overwrite);
        if (destinationFingerprint is null)
        {
            if (baseFingerprint is null)
            {
                return new(ChangeAction.Create, RuleText.Default, $"New {what}.");
            }

            return overwrite == OverwriteMode.Always
                ? new(ChangeAction.Create, rule, $"Deleted on the destination since OctoSync wrote it; re-created.")
                : new(ChangeAction.Leave, rule, $"Deleted on the destination since OctoSync wrote it; left deleted.");
        }

        if (sourceFingerprint == destinationFingerprint)
        {
            return new(ChangeAction.None, RuleText.Default, "Matches the source.");
        }

        if (baseFingerprint is null)
        {
            return overwrite == OverwriteMode.Always
                ? new(ChangeAction.Update, rule, "Not written by OctoSync and differs from the source; overwritten.")
                : new(ChangeAction.Leave, rule, "Not written by OctoSync and differs from the source; left as it is.");
        }

        if (destinationFingerprint == baseFingerprint)
        {
            return overwrite == OverwriteMode.Never
                ? new(ChangeAction.Leave, rule, "Changed on the source; left as it is.")
                : new(ChangeAction.Update, rule, "Changed on the source; updated.");
        }

        return overwrite == OverwriteMode.Always
            ? new(ChangeAction.Update, rule, "Edited on the destination since OctoSync wrote it; overwritten.", IsDrift: true)
            : new(ChangeAction.Leave, rule, "Edited on the destination since OctoSync wrote it; left as it is.", IsDrift: true);
    }
}
