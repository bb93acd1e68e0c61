using OctoSync.Engine.Applying;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>Prints what an apply did: every change that did not succeed, and a summary line.</summary>
public static class ApplyRenderer
{
    public static void Render(IAnsiConsole console, DestinationApplyResult result)
    {
        if (result.Replanned is not null)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(result.Destination)} changed while applying; it was re-read and re-planned once.[/]");
        }

        // Changes an interruption left unstarted are counted in the interruption line, not listed one by one.
        var problems = result.First.Outcomes.Where(o => o.Outcome is not (ApplyOutcome.Applied or ApplyOutcome.NothingToDo or ApplyOutcome.NotStarted))
            .Where(o => result.Retry is null || o.Outcome != ApplyOutcome.Conflict)
            .Concat(result.Retry?.Outcomes.Where(o => o.Outcome is not (ApplyOutcome.Applied or ApplyOutcome.NothingToDo or ApplyOutcome.NotStarted)) ?? [])
            .ToList();
        if (problems.Count > 0)
        {
            var table = new Table().Title("Not applied").AddColumns("Object", "Outcome", "Why");
            foreach (var o in problems)
            {
                table.AddRow(Markup.Escape(o.Subject), Markup.Escape(PlainWords.Of(o.Outcome)), Markup.Escape(o.Message ?? ""));
            }

            console.Write(table);
        }

        var final = result.Final;
        var colour = result.Succeeded ? "green" : "red";
        console.MarkupLine($"[{colour}]Apply {Markup.Escape(result.Destination)}: {result.Written} applied, {final.Count(ApplyOutcome.Failed)} failed, " +
            $"{final.Count(ApplyOutcome.SkippedBecauseDependencyFailed)} not attempted (an object they need failed), {final.Count(ApplyOutcome.Conflict)} changed on the destination meanwhile[/]");
    }
}
