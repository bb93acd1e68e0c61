using OctoSync.Engine.Applying;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>What the HTML report shows: one section per destination.</summary>
/// <param name="Command"><c>plan</c> or <c>apply</c>: the report's title.</param>
/// <param name="GeneratedAt">Shown in the header when given; the report holds no clock of its own so that it is deterministic.</param>
/// <param name="SourceUrl">The source instance, shown in each destination's header when given.</param>
public sealed record HtmlReportInput(string Command, IReadOnlyList<ReportDestination> Destinations, string? GeneratedAt = null, Uri? SourceUrl = null);

/// <summary>One destination: its plan and the two snapshots the plan was made from (to show ids by name).</summary>
/// <param name="Outcomes">For an apply: what happened to each change. "After" then shows only what was really written;
/// null for a plan, where "after" is what the plan would write.</param>
public sealed record ReportDestination(Plan Plan, SpaceSnapshot Source, SpaceSnapshot Destination, IReadOnlyList<ChangeOutcome>? Outcomes = null)
{
    /// <summary>The destination instance, shown in the header when known.</summary>
    public Uri? DestinationUrl { get; init; }

    /// <summary>The Octopus Server versions of the two instances, shown in the header when the caller knows them.</summary>
    public string? SourceServerVersion { get; init; }

    public string? DestinationServerVersion { get; init; }

    public bool IsApply => Outcomes is not null;

    /// <summary>True when the change's document is (or, for a plan, would be) on the destination afterwards.</summary>
    public bool Written(Change change) =>
        change.Writes && (Outcomes is null || Outcomes.Any(o => o.Change == change && o.Outcome == ApplyOutcome.Applied));
}
