using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.Members;

/// <summary>
/// The spec §6 table for one member of a synced object (a tag of a tag set, a tenant's connection to a project in an
/// environment, a tenant's tag, a tenant variable value), with the row "gone from the source" added: a member
/// OctoSync wrote and nobody changed is removed; one a person changed is left and reported as drift; one a person
/// added (never written by OctoSync) is kept and is not drift. Judging members one by one is what keeps a person's
/// addition from freezing the whole object.
/// </summary>
public static class MemberDecision
{
    /// <param name="inSource">Whether the source (translated for this destination) has the member.</param>
    /// <param name="baseFingerprint">What OctoSync last wrote for it (state); null when it never wrote it.</param>
    /// <param name="destinationFingerprint">The destination now; null when the member is not there.</param>
    /// <param name="desiredFingerprint">The source now (ignored when <paramref name="inSource"/> is false).</param>
    /// <returns>The outcome; its <see cref="ThreeWayOutcome.StateFingerprint"/> null means "forget the member".</returns>
    public static ThreeWayOutcome Decide(bool inSource, string? baseFingerprint, string? destinationFingerprint, string desiredFingerprint, OverwriteMode overwrite)
    {
        if (inSource)
        {
            return ThreeWayDecision.Decide(baseFingerprint, destinationFingerprint, desiredFingerprint, overwrite);
        }

        var policy = $"{ThreeWayDecision.OverwriteKey}: {ThreeWayDecision.Word(overwrite)}";
        if (destinationFingerprint is null)
        {
            return new(ChangeAction.None, "default", "Gone from the source and from the destination.", false, null);
        }

        if (baseFingerprint is null)
        {
            return new(ChangeAction.None, "default", "Added on the destination (not by OctoSync); kept.", false, null);
        }

        if (destinationFingerprint != baseFingerprint)
        {
            return new(ChangeAction.Leave, policy, "Gone from the source, but edited on the destination since OctoSync wrote it (drift); left as it is.", true, baseFingerprint);
        }

        return overwrite == OverwriteMode.Never
            ? new(ChangeAction.Leave, policy, "Gone from the source; not removed because overwrite is never.", false, baseFingerprint)
            : new(ChangeAction.Delete, "default", "Gone from the source (deleted there, or no longer synced); OctoSync wrote it and nobody changed it since; removed.", false, null);
    }

    /// <summary>Whether an outcome changes the destination.</summary>
    public static bool Writes(ThreeWayOutcome outcome) => outcome.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete;
}
