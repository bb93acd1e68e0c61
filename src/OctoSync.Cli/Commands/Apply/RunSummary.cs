using OctoSync.Engine.Applying;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Commands.Apply;

/// <summary>
/// The last lines of <c>apply</c>: one per destination, in the file's order — what was written, or why that
/// destination failed (issue #9 item 6) — so a run with several destinations says plainly which ones need attention.
/// </summary>
internal static class RunSummary
{
    public static void Render(IAnsiConsole console, IReadOnlyList<(DestinationPlan Plan, DestinationApplyResult Result)> results, IReadOnlyList<DestinationFailure> failures)
    {
        if (results.Count + failures.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Destinations:[/]");
        foreach (var (plan, result) in results)
        {
            var failed = result.Final.Count(ApplyOutcome.Failed) + result.Final.Count(ApplyOutcome.SkippedBecauseDependencyFailed) + result.Final.Count(ApplyOutcome.Conflict);
            var stopped = (plan.Client as StoppingClient)?.Refusal;
            var line = stopped is not null
                ? $"[red]stopped[/] after {stopped.StatusCode} from {Markup.Escape(stopped.Method)} {Markup.Escape(stopped.Url)}: {result.Written} written, {failed} not written"
                : failed > 0
                    ? $"[red]failed[/]: {result.Written} written, {failed} not written"
                    : $"[green]ok[/]: {result.Written} written";
            console.MarkupLine($"  {Markup.Escape(result.Destination)}: {line}");
        }

        foreach (var f in failures)
        {
            console.MarkupLine($"  {Markup.Escape(f.Destination)}: [red]failed[/] ({Markup.Escape(f.Stage)}): {Markup.Escape(f.Message)}");
        }
    }
}
