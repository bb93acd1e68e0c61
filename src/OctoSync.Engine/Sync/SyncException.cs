namespace OctoSync.Engine.Sync;

/// <summary>An expected failure of a run (cannot connect, unknown destination, a plan with errors): one line for a person.</summary>
public sealed class SyncException(string message, Exception? inner = null) : Exception(message, inner);
