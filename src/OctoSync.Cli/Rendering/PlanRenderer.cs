using OctoSync.Engine.Planning;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// Prints one destination's plan, in proportion to what changes: by default the objects that are written (with their
/// parts), drift, the warnings (on standard error) and the summary; skips, objects left alone and objects that match
/// are counted, and <c>--verbose</c> lists every decision. An in-sync plan is its summary line and what is left or drifted.
/// </summary>
public static class PlanRenderer
{
    /// <summary>The last line of a run in which no destination has anything to write.</summary>
    public const string NoChanges = "No changes. The destinations match the source.";

    public static void Render(IAnsiConsole console, ErrorConsole errors, DestinationPlan planned, bool verbose = false)
    {
        var plan = planned.Plan;
        console.Write(new Rule($"[bold]{Esc(plan.Destination)}[/]: {Esc(planned.Client.ServerUrl.ToString())} space {Esc(plan.DestinationSpace)}{Version(plan.DestinationServerVersion)} ← source space {Esc(plan.SourceSpace)}{Version(plan.SourceServerVersion)}").LeftJustified());
        RenderMappings(console, plan, verbose);
        RenderChanges(console, plan, verbose);
        RenderDrift(console, plan);
        RenderCleanup(console, plan, verbose);
        RenderDiagnostics(console, errors, plan, verbose);
        var summary = PlanSummary.Of(plan);
        console.MarkupLine($"[bold]{Esc(summary.ToString())}[/]");
        if (!verbose && NotListed(plan) is { Length: > 0 } notListed)
        {
            console.MarkupLine($"[grey]Not listed: {Esc(notListed)} (--verbose lists every decision).[/]");
        }

        console.WriteLine();
    }

    /// <summary>After every destination: the one-line verdict when nothing at all is to be written.</summary>
    public static void RenderVerdict(IAnsiConsole console, IEnumerable<DestinationPlan> plans)
    {
        if (plans.All(p => !p.Plan.HasWrites && !p.Plan.HasErrors))
        {
            console.MarkupLine($"[green]{Esc(NoChanges)}[/]");
        }
    }

    private static void RenderMappings(IAnsiConsole console, Plan plan, bool verbose)
    {
        if (!verbose)
        {
            var parts = plan.EnvironmentMappings.Select(m => m.Destination is null ? $"{m.Source} (excluded)" : m.Source == m.Destination ? m.Source : $"{m.Source} → {m.Destination}");
            console.MarkupLine($"Environments: {Esc(string.Join(", ", parts))}");
            return;
        }

        var table = new Table().Title("Environments").AddColumns("Source", "Destination", "Rule");
        foreach (var m in plan.EnvironmentMappings)
        {
            table.AddRow(Esc(m.Source), m.Destination is null ? "[grey](excluded)[/]" : Esc(m.Destination), Esc(m.Rule));
        }

        console.Write(table);
    }

    private static void RenderChanges(IAnsiConsole console, Plan plan, bool verbose)
    {
        foreach (var group in plan.Changes.Where(c => Listed(c, verbose)).GroupBy(c => c.Owner ?? ""))
        {
            var table = new Table().Title(group.Key.Length == 0 ? "Space" : $"Project {Esc(group.Key)}")
                .AddColumns("Kind", "Object", "Action", "Rule", "Reason");
            foreach (var change in group)
            {
                table.AddRow(Esc(PlainWords.Of(change.Kind)), Esc(change.Key), Action(change.Action), Esc(change.Rule), Esc(change.Reason));
                foreach (var d in change.Details.Where(d => verbose || d.Action != ChangeAction.None))
                {
                    table.AddRow("", "  " + Esc(d.Item), Action(d.Action) + (d.IsDrift ? " [magenta](drift)[/]" : ""), Esc(d.Rule), Esc(d.Reason));
                }
            }

            console.Write(table);
        }
    }

    private static void RenderDrift(IAnsiConsole console, Plan plan)
    {
        var drift = plan.Changes.SelectMany(c => c.Details.Where(d => d.IsDrift).Select(d => (c, d))).ToList();
        if (drift.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Drift: changed on the destination since OctoSync wrote it").AddColumns("Object", "Item", "Action", "Reason");
        foreach (var (c, d) in drift)
        {
            table.AddRow(Esc($"{PlainWords.Of(c.Kind)} {c.Key}"), Esc(d.Item), Action(d.Action), Esc(d.Reason));
        }

        console.Write(table);
    }

    /// <summary>The placeholders are listed when this plan writes (the first sync, a changed variable set) or with
    /// <c>--verbose</c>; an in-sync run only says how many are still to fill in.</summary>
    private static void RenderCleanup(IAnsiConsole console, Plan plan, bool verbose)
    {
        if (plan.Cleanup.Count == 0)
        {
            return;
        }

        if (!verbose && !plan.HasWrites)
        {
            console.MarkupLine($"Clean-up report: {plan.Cleanup.Count} placeholder{(plan.Cleanup.Count == 1 ? "" : "s")} to fill in (--verbose lists them).");
            return;
        }

        var table = new Table().Title("Clean-up report: placeholders to fill in").AddColumns("Kind", "Subject", "What");
        foreach (var item in plan.Cleanup)
        {
            table.AddRow(Esc(PlainWords.Of(item.Kind)), Esc(item.Subject), Esc(item.What));
        }

        console.Write(table);
    }

    /// <summary>Errors and warnings go to standard error; notes only with <c>--verbose</c>.</summary>
    private static void RenderDiagnostics(IAnsiConsole console, ErrorConsole errors, Plan plan, bool verbose)
    {
        foreach (var d in plan.Diagnostics.Where(d => verbose || d.Severity != Severity.Info))
        {
            var subject = d.Subject is null ? "" : $"{d.Subject}: ";
            var detail = d.Detail is null ? "" : $" — {d.Detail}";
            var text = Esc(subject + d.Summary + detail);
            switch (d.Severity)
            {
                case Severity.Error: errors.Console.MarkupLine($"[red]Error:[/] {Esc(plan.Destination)}: {text}"); break;
                case Severity.Warning: errors.Console.MarkupLine($"[yellow]Warning:[/] {Esc(plan.Destination)}: {text}"); break;
                default: console.MarkupLine($"[grey]Note:[/] {text}"); break;
            }
        }
    }

    /// <summary>
    /// By default a change is listed when it writes or has drift; with <c>--verbose</c> every change is, including
    /// skips, objects left alone and objects that match the source.
    /// </summary>
    private static bool Listed(Change c, bool verbose) => verbose || c.Writes || c.Details.Any(d => d.IsDrift);

    /// <summary>What the default view counts but does not list: the changes it leaves out, and their skipped or left parts.</summary>
    private static string NotListed(Plan plan)
    {
        var hidden = plan.Changes.Where(c => !Listed(c, false)).ToList();
        int Of(ChangeAction a) => hidden.Count(c => c.Action == a) + hidden.Sum(c => c.Details.Count(d => d.Action == a));
        var parts = new List<string>();
        if (Of(ChangeAction.Skip) is var skipped and > 0) { parts.Add($"{skipped} skipped"); }
        if (Of(ChangeAction.Leave) is var left and > 0) { parts.Add($"{left} left alone"); }
        if (hidden.Count(c => c.Action == ChangeAction.None) is var unchanged and > 0) { parts.Add($"{unchanged} unchanged"); }
        return string.Join(", ", parts);
    }

    private static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Create => "[green]create[/]",
        ChangeAction.Update => "[yellow]update[/]",
        ChangeAction.Delete => "[red]delete[/]",
        ChangeAction.Skip => "[grey]skip[/]",
        ChangeAction.Leave => "[magenta]leave[/]",
        _ => "[grey]unchanged[/]",
    };

    private static string Esc(string text) => Markup.Escape(text);

    /// <summary>The server's version beside its space (" (Octopus 2024.3.0)"), when the server said it.</summary>
    private static string Version(string? version) => version is null ? "" : $" (Octopus {Esc(version)})";
}
