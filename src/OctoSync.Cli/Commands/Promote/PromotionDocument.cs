using System.Text.Json;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Promotion;

namespace OctoSync.Cli.Commands.Promote;

/// <summary>
/// <c>promote --output json</c>: what was checked and done, never a document of either instance. <see cref="Outcome"/>
/// is <c>promoted</c>, <c>unchanged</c> (already there), <c>refused</c> (see <see cref="Problems"/>), <c>not confirmed</c>
/// or <c>deployment failed</c>.
/// </summary>
public sealed record PromotionDocument(
    string Command,
    string Outcome,
    string Project,
    string Version,
    string Destination,
    string SourceChannel,
    string? DestinationChannel,
    bool InSync,
    IReadOnlyList<PromotionDocument.Pending> PendingChanges,
    IReadOnlyList<PackageCheck> Packages,
    PromotionDocument.ProcessDocument Process,
    string? DeployTo,
    IReadOnlyList<string> Problems,
    PromotionResult? Result)
{
    public int FormatVersion => PlanDocument.CurrentFormatVersion;

    public sealed record Pending(string Kind, string Key, string Action, string Reason);

    public sealed record ProcessDocument(int ReleaseSteps, string RunsIn, int DestinationSteps, string Headline, IReadOnlyList<string> Differences);

    public static PromotionDocument Of(PromotionPlan plan, PromotionResult? result, string outcome) => new(
        "promote", outcome, plan.Project, plan.Version, plan.Destination, plan.SourceChannel, plan.DestinationChannel,
        plan.PendingChanges.Count == 0,
        plan.PendingChanges.Select(c => new Pending(c.Kind.ToString(), c.Key, c.Action.ToString(), c.Reason)).ToList(),
        plan.Packages,
        new ProcessDocument(plan.Process.ReleaseSteps, plan.Process.RunsIn, plan.Process.DestinationSteps, plan.Process.Headline, plan.Process.Differences),
        plan.DeployTo, plan.Problems, result);

    public string ToJson() => JsonSerializer.Serialize(this, PlanDocument.Options);
}
