using OctoSync.Engine.Sync;

namespace OctoSync.Engine.Reporting;

/// <summary>The report's view of a sync run, as <see cref="SyncRunner"/> returns it.</summary>
public static class ReportDestinations
{
    /// <summary>A planned destination: "after" is what the plan would write.</summary>
    public static ReportDestination Of(DestinationPlan planned) => new(planned.Plan, planned.Source, planned.Destination) { DestinationUrl = planned.Client.ServerUrl, SourceServerVersion = planned.Source.ServerVersion, DestinationServerVersion = planned.Destination.ServerVersion };

    /// <summary>
    /// An applied destination: "after" is what was written. When the destination changed while applying and was
    /// re-planned, the report shows the second plan (made from the destination as the first pass left it) and its outcomes.
    /// </summary>
    public static ReportDestination Of(DestinationPlan planned, DestinationApplyResult applied) =>
        applied.Replanned is { } replanned && applied.Retry is { } retry
            ? new(replanned, planned.Source, planned.Destination, retry.Outcomes) { DestinationUrl = planned.Client.ServerUrl, SourceServerVersion = planned.Source.ServerVersion, DestinationServerVersion = planned.Destination.ServerVersion }
            : new(planned.Plan, planned.Source, planned.Destination, applied.First.Outcomes) { DestinationUrl = planned.Client.ServerUrl, SourceServerVersion = planned.Source.ServerVersion, DestinationServerVersion = planned.Destination.ServerVersion };
}
