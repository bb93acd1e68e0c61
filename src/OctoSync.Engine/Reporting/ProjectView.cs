using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>What the report shows of one project: the three variable tables, its processes and every decision about it.</summary>
public sealed record ProjectView(
    string Name,
    IReadOnlyList<VariableRow> Source,
    IReadOnlyList<VariableRow> DestinationBefore,
    IReadOnlyList<VariableRow> DestinationAfter,
    IReadOnlyList<ProcessView> Processes,
    IReadOnlyList<Change> Changes);

/// <summary>A deployment or runbook process: <c>Deployment process</c> or <c>Runbook "Refresh data"</c>.</summary>
public sealed record ProcessView(string Title, Change? Change, IReadOnlyList<StepRow> Steps);
