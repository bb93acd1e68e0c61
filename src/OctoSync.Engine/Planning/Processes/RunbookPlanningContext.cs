using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes;

/// <summary>What the runbook planner needs to decide the runbooks (and their processes) of one project.</summary>
public sealed record RunbookPlanningContext
{
    public required string ProjectName { get; init; }

    /// <summary>
    /// What new runbooks get as <c>ProjectId</c>: the destination project id, or the project's token
    /// (<c>ReferenceToken.For(ResourceKind.Project, name)</c>) when this plan creates the project. Always set.
    /// </summary>
    public required string DestinationProjectId { get; init; }

    /// <summary>Source and destination snapshots (runbooks and runbook processes are looked up there by project).</summary>
    public required SpaceSnapshot Source { get; init; }
    public required SpaceSnapshot Destination { get; init; }

    public required string SourceProjectId { get; init; }

    /// <summary>Source runbooks by project id; the planning session passes its own (indexed once per run), else built from <see cref="Source"/>.</summary>
    public ProjectChildren SourceRunbooks { get => field ??= new ProjectChildren(Source.Runbooks, StringComparer.OrdinalIgnoreCase); init; }

    /// <summary>Destination runbooks by project id, like <see cref="SourceRunbooks"/>.</summary>
    public ProjectChildren DestinationRunbooks { get => field ??= new ProjectChildren(Destination.Runbooks, StringComparer.OrdinalIgnoreCase); init; }

    /// <summary>
    /// The id of the project as it exists on the destination now, used to find the destination's runbooks
    /// (<c>Runbooks[].ProjectId</c>); null when this plan creates the project (then it has no runbooks yet).
    /// </summary>
    public string? DestinationProjectIdIfExists { get; init; }

    public required Translator Translator { get; init; }
    public required SyncRules Rules { get; init; }
    public SyncState? State { get; init; }

    /// <summary>The source project document (runbooks of a config-as-code project are not planned).</summary>
    public required JsonObject SourceProject { get; init; }
}

/// <summary>
/// Changes for runbooks (Kind Runbook) followed by their processes (Kind RunbookProcess). The planner has taught the
/// translator every runbook it keeps (so ProcessOwner scopes translate) and excluded those it skips.
/// </summary>
/// <param name="Gone">Runbooks OctoSync wrote whose source runbook is gone (spec §6), to be added after the project's other changes.</param>
public sealed record RunbookPlan(IReadOnlyList<Change> Changes, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<CleanupItem> Cleanup)
{
    public IReadOnlyList<Change> Gone { get; init; } = [];
}
