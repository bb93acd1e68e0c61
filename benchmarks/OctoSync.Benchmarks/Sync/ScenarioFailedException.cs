namespace OctoSync.Benchmarks.Sync;

/// <summary>A scenario's process failed (exit code not 0, or no result line); its stderr was relayed before.</summary>
internal sealed class ScenarioFailedException(string message) : Exception(message);
