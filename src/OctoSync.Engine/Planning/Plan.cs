using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning;

/// <summary>
/// The plan for one destination: data only. Produced by the planner (a pure function of source, destination,
/// rules and state), printed by the CLI, executed by the applier in the order of <see cref="Changes"/>
/// (dependencies first).
/// </summary>
public sealed record Plan
{
    public required string Destination { get; init; }
    public required string SourceSpace { get; init; }
    public required string DestinationSpace { get; init; }
    public IReadOnlyList<EnvironmentMapping> EnvironmentMappings { get; init; } = [];
    public IReadOnlyList<Change> Changes { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>Placeholders this plan writes, for a person to fill in.</summary>
    public IReadOnlyList<CleanupItem> Cleanup { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
    public bool HasWrites => Changes.Any(c => c.Writes);
    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);

    /// <summary>Everything this plan deletes: whole objects, and parts removed inside an object it updates (steps, actions,
    /// variable values), so a summary never says "0 to delete" while it deletes.</summary>
    public int DeleteCount => Count(ChangeAction.Delete)
        + Changes.Where(c => c.Action == ChangeAction.Update).Sum(c => c.Details.Count(d => d.Action == ChangeAction.Delete));
}

/// <summary>How one source environment maps to this destination; <see cref="Destination"/> null = excluded.</summary>
public sealed record EnvironmentMapping(string Source, string? Destination, string Rule);

public enum Severity { Info, Warning, Error }

/// <summary>A warning or error about the plan, naming the object it concerns.</summary>
public sealed record Diagnostic(Severity Severity, string Summary, string? Detail = null, string? Subject = null);

/// <summary>A placeholder OctoSync writes (or would write) that a person has to replace.</summary>
/// <param name="Subject">e.g. <c>OctoFx / Application.Database.Name</c> or <c>account "Azure Dev"</c>.</param>
public sealed record CleanupItem(ResourceKind Kind, string Subject, string What);
