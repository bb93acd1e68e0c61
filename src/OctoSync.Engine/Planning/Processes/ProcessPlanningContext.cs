using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes;

/// <summary>What the process planner needs to decide every step of one deployment or runbook process.</summary>
public sealed record ProcessPlanningContext
{
    public required string ProjectName { get; init; }

    /// <summary>Null for the project's deployment process; the runbook's name for a runbook process.</summary>
    public string? RunbookName { get; init; }

    /// <summary>The runbook's name when OctoSync last wrote it, when the source renamed it since: the state of its steps
    /// is recorded under the old name (<see cref="PreviousKey"/>) and moves to the new one.</summary>
    public string? PreviousRunbookName { get; init; }

    public required JsonObject Source { get; init; }

    /// <summary>The destination process as read; null when its owner is created by this plan (it starts with no steps).</summary>
    public JsonObject? Destination { get; init; }

    /// <summary>The destination process id, or a token (<c>DeploymentProcess:&lt;project&gt;</c> / <c>RunbookProcess:&lt;project&gt;/&lt;runbook&gt;</c>).</summary>
    public required string DestinationId { get; init; }

    /// <summary>Already taught about environments, channels, feeds, worker pools, accounts, certificates, step templates, projects.</summary>
    public required Translator Translator { get; init; }

    public required SyncRules Rules { get; init; }

    public SyncState? State { get; init; }

    /// <summary>Portable key of the process: the project name, or <c>Project/Runbook</c>.</summary>
    public string Key => RunbookName is null ? ProjectName : ResourceKeys.Runbook(ProjectName, RunbookName);

    /// <summary>The process's key under the runbook's previous name, or null (not renamed).</summary>
    public string? PreviousKey => RunbookName is null || PreviousRunbookName is null ? null : ResourceKeys.Runbook(ProjectName, PreviousRunbookName);

    /// <summary>Portable key of an action of this process (<see cref="ResourceKeys.DeploymentAction"/> or <see cref="ResourceKeys.RunbookAction"/>).</summary>
    public string ActionKey(string actionName) =>
        RunbookName is null ? ResourceKeys.DeploymentAction(ProjectName, actionName) : ResourceKeys.RunbookAction(ProjectName, RunbookName, actionName);
}

/// <summary>The decision for one process. The planner has taught the translator every action it keeps or skips.</summary>
/// <param name="Change">Kind DeploymentProcess or RunbookProcess; Update (After = whole process to PUT) or None/Leave; Details = one per step.</param>
public sealed record ProcessPlan(Change Change, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<CleanupItem> Cleanup);
