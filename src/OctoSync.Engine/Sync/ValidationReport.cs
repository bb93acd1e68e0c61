namespace OctoSync.Engine.Sync;

/// <summary>What <c>validate</c> found: errors (each one line naming file, destination and name) and facts worth showing.</summary>
public sealed record ValidationReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Facts)
{
    public bool IsValid => Errors.Count == 0;
}
