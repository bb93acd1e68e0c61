using OctoSync.Engine.Applying;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Sync;

/// <summary>
/// The apply of one destination. When the first pass met a version conflict the destination was re-read and
/// re-planned once: <see cref="Replanned"/> and <see cref="Retry"/> hold that second pass.
/// </summary>
public sealed record DestinationApplyResult(string Destination, ApplyResult First, Plan? Replanned = null, ApplyResult? Retry = null)
{
    /// <summary>The outcome of the last pass: the retry if there was one.</summary>
    public ApplyResult Final => Retry ?? First;

    public bool Succeeded => !Final.HasFailures && !Final.HasConflicts && !Final.Interrupted;

    public int Written => First.Written + (Retry?.Written ?? 0);
}
