namespace OctoSync.Engine.Sync;

/// <summary>What a run is doing, for progress display: e.g. ("read", "source", "projects 12/40").</summary>
/// <param name="Stage"><c>connect</c>, <c>read</c>, <c>plan</c>, <c>apply</c> or <c>state</c>.</param>
/// <param name="Target"><c>source</c> or a destination's name.</param>
public sealed record SyncProgress(string Stage, string Target, string Message);
