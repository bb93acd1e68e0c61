namespace OctoSync.Engine.Configuration;

/// <summary>
/// The rules in force on one destination: the destination-level rules and the per-project overrides,
/// already merged by the configuration loader (top-level → destination → project).
/// </summary>
public sealed record RuleSet
{
    public SyncRules Default { get; init; } = new();

    /// <summary>Project name (case-insensitive) → rules for that project.</summary>
    public IReadOnlyDictionary<string, SyncRules> Projects { get; init; } = new Dictionary<string, SyncRules>(StringComparer.OrdinalIgnoreCase);

    public SyncRules ForProject(string projectName) => Projects.TryGetValue(projectName, out var r) ? r : Default;
}
