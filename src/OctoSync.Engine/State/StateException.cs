namespace OctoSync.Engine.State;

/// <summary>
/// A state file that cannot be used: damaged, not an OctoSync state file, a format this version does not read,
/// or the state of another destination. Never answered by starting afresh: a lost base would make every
/// destination edit look like drift OctoSync did not write.
/// </summary>
public sealed class StateException : Exception
{
    public StateException(string filePath, string problem, Exception? inner = null)
        : base($"State file '{filePath}' {problem}", inner)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
