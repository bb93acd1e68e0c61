using OctoSync.Engine.Promotion;
using Spectre.Console;

namespace OctoSync.Cli.Commands.Promote;

/// <summary>The text preview of a promotion (what was checked, what differs, what would be written) and its result.</summary>
internal static class PromotionRenderer
{
    public static void Render(IAnsiConsole console, PromotionPlan plan)
    {
        console.MarkupLine($"[bold]Promote {E(plan.Project)} {E(plan.Version)}[/] from the source to [bold]{E(plan.Destination)}[/]");
        console.MarkupLine($"  Channel: {E(plan.SourceChannel)} → {E(plan.DestinationChannel ?? "(none)")}");
        if (plan.PendingChanges.Count == 0)
        {
            console.MarkupLine($"  [green]In sync:[/] the sync plan has no pending change for {E(plan.Project)} on {E(plan.Destination)}.");
        }
        else
        {
            console.MarkupLine($"  [red]Not in sync:[/] {plan.PendingChanges.Count} change(s) pending for {E(plan.Project)} on {E(plan.Destination)}:");
            foreach (var change in plan.PendingChanges)
            {
                console.MarkupLine($"    {E(change.Action.ToString().ToLowerInvariant())} {E(change.Kind.ToString())} {E(change.Key)}: {E(change.Reason)}");
            }
        }

        console.MarkupLine(plan.Packages.Count == 0 ? "  Packages: the release selected none." : "  Packages:");
        foreach (var package in plan.Packages)
        {
            var mark = package.Status switch
            {
                PackageStatus.Found => "[green]found[/]  ",
                PackageStatus.Missing => "[red]missing[/]",
                _ => "[grey]skipped[/]",
            };
            console.MarkupLine($"    {mark} {E(package.Describe())}");
        }

        console.MarkupLine($"  Process: {E(plan.Process.Headline)}");
        foreach (var difference in plan.Process.Differences)
        {
            console.MarkupLine($"    - {E(difference)}");
        }

        foreach (var problem in plan.Problems)
        {
            console.MarkupLine($"[red]Refused:[/] {E(problem)}");
        }

        if (plan.Problems.Count > 0)
        {
            console.MarkupLine("Nothing was written.");
            return;
        }

        var will = new List<string>();
        if (plan.CreatesRelease)
        {
            will.Add($"create release {plan.Version} on channel {plan.DestinationChannel} with {Count(plan.Packages.Count(p => p.Status == PackageStatus.Found))}");
        }
        else
        {
            will.Add($"release {plan.Version} already exists with the same packages");
        }

        if (plan.DeployTo is not null)
        {
            will.Add(plan.Deploys ? $"deploy it to {plan.DeployTo}" : $"it is already deployed to {plan.DeployTo}");
        }

        console.MarkupLine($"Promotion: {E(string.Join("; ", will))}.");
    }

    public static void RenderResult(IAnsiConsole console, PromotionPlan plan, PromotionResult result)
    {
        console.MarkupLine(result.ReleaseCreated
            ? $"[green]Created[/] release {E(plan.Version)} ({E(result.ReleaseId)}) of {E(plan.Project)} on {E(plan.Destination)}."
            : $"Release {E(plan.Version)} ({E(result.ReleaseId)}) was already on {E(plan.Destination)}.");
        if (result.DeploymentId is not null)
        {
            console.MarkupLine($"[green]Deployed[/] to {E(plan.DeployTo ?? "")}: {E(result.DeploymentId)}, task {E(result.TaskId ?? "(none)")} {E(result.TaskState ?? "")}.");
        }
    }

    private static string Count(int n) => n == 1 ? "1 package" : $"{n} packages";

    private static string E(string text) => Markup.Escape(text);
}
