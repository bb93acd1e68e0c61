using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Pairs each desired value of one variable name with the state entry of the destination value OctoSync wrote for
/// it last time, one to one. Passes run from the strongest hint to the weakest, each over every value before the
/// next, so a strong match is never taken by a weak one.
/// </summary>
internal static class BaseMatcher
{
    /// <summary>What the matcher needs of a desired value.</summary>
    /// <param name="TextFingerprint">Fingerprint of the value text (null for a sensitive value).</param>
    public sealed record Candidate(string? SourceId, string Fingerprint, string ScopeKey, string PortableScope, bool IsPlaceholder, string? TextFingerprint = null);

    /// <param name="currentScopeKey">Scope key of the destination value an entry points at (null when it is gone); used
    /// when the entry does not record the scope it wrote (state format version 1).</param>
    /// <param name="currentText">Text fingerprint of the destination value an entry points at, for entries of version 1 files.</param>
    /// <param name="sourceIds">Ids of every value in the source set: an entry whose source value still exists is only
    /// matched by that Id (its value may merely be skipped now), never taken over by another value.</param>
    public static VariableValueState?[] Match(
        IReadOnlyList<Candidate> desired,
        IReadOnlyList<VariableValueState> entries,
        Func<VariableValueState, string?> currentScopeKey,
        IReadOnlySet<string> sourceIds,
        Func<VariableValueState, string?>? currentText = null)
    {
        var result = new VariableValueState?[desired.Count];
        var claimed = new bool[entries.Count];
        bool Free(VariableValueState e) => e.SourceId is null || !sourceIds.Contains(e.SourceId);
        Func<Candidate, VariableValueState, bool>[] passes =
        [
            (d, e) => d.SourceId is not null && string.Equals(d.SourceId, e.SourceId, StringComparison.OrdinalIgnoreCase),
            (d, e) => Free(e) && d.Fingerprint == e.SourceFingerprint,
            // A source rewritten with new ids (a script, an import, delete and re-add): the same name and text is the
            // same value with a new scope, then the same name and scope is the same value with a new text.
            (d, e) => Free(e) && d.TextFingerprint is not null && d.TextFingerprint == (e.TextFingerprint ?? currentText?.Invoke(e)),
            (d, e) => Free(e) && (e.ScopeKey ?? currentScopeKey(e)) == d.ScopeKey,
            (d, e) => Free(e) && d.PortableScope == e.PortableScope,
            (d, e) => Free(e) && d.IsPlaceholder && e.IsPlaceholder,
        ];
        foreach (var pass in passes)
        {
            for (var i = 0; i < desired.Count; i++)
            {
                if (result[i] is not null)
                {
                    continue;
                }

                for (var j = 0; j < entries.Count; j++)
                {
                    if (!claimed[j] && pass(desired[i], entries[j]))
                    {
                        claimed[j] = true;
                        result[i] = entries[j];
                        break;
                    }
                }
            }
        }

        return result;
    }
}
