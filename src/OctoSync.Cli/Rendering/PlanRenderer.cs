using OctoSync.Engine.Planning;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// Prints one destination's plan as tables: the environment mapping, the changes grouped by project (changes that
/// write nothing and decide nothing are counted, not listed), drift, the clean-up report, warnings, and the summary line.
/// </summary>
public static class PlanRenderer
{
    public static void Render(IAnsiConsole console, DestinationPlan planned)
    {
        var plan = planned.Plan;
        console.Write(new Rule($"[bold]{Esc(plan.Destination)}[/]: {Esc(planned.Client.ServerUrl.ToString())} space {Esc(plan.DestinationSpace)} ← source space {Esc(plan.SourceSpace)}").LeftJustified());
        RenderMappings(console, plan);
        RenderChanges(console, plan);
        RenderDrift(console, plan);
        RenderCleanup(console, plan);
        RenderDiagnostics(console, plan);
        console.MarkupLine($"[bold]{Esc(PlanSummary.Of(plan).ToString())}[/]");
        console.WriteLine();
    }

    private static void RenderMappings(IAnsiConsole console, Plan plan)
    {
        var table = new Table().Title("Environments").AddColumns("Source", "Destination", "Rule");
        foreach (var m in plan.EnvironmentMappings)
        {
            table.AddRow(Esc(m.Source), m.Destination is null ? "[grey](excluded)[/]" : Esc(m.Destination), Esc(m.Rule));
        }

        console.Write(table);
    }

    private static void RenderChanges(IAnsiConsole console, Plan plan)
    {
        foreach (var group in plan.Changes.Where(Shown).GroupBy(c => c.Owner ?? ""))
        {
            var table = new Table().Title(group.Key.Length == 0 ? "Space" : $"Project {Esc(group.Key)}")
                .AddColumns("Kind", "Object", "Action", "Rule", "Reason");
            foreach (var change in group)
            {
                table.AddRow(change.Kind.ToString(), Esc(change.Key), Action(change.Action), Esc(change.Rule), Esc(change.Reason));
                foreach (var d in change.Details.Where(d => d.Action != ChangeAction.None))
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
            table.AddRow(Esc($"{c.Kind} {c.Key}"), Esc(d.Item), Action(d.Action), Esc(d.Reason));
        }

        console.Write(table);
    }

    private static void RenderCleanup(IAnsiConsole console, Plan plan)
    {
        if (plan.Cleanup.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Clean-up report: placeholders to fill in").AddColumns("Kind", "Subject", "What");
        foreach (var item in plan.Cleanup)
        {
            table.AddRow(item.Kind.ToString(), Esc(item.Subject), Esc(item.What));
        }

        console.Write(table);
    }

    private static void RenderDiagnostics(IAnsiConsole console, Plan plan)
    {
        foreach (var d in plan.Diagnostics)
        {
            var colour = d.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "grey" };
            var subject = d.Subject is null ? "" : $"{d.Subject}: ";
            var detail = d.Detail is null ? "" : $" — {d.Detail}";
            console.MarkupLine($"[{colour}]{d.Severity}:[/] {Esc(subject + d.Summary + detail)}");
        }
    }

    /// <summary>A change is listed when it writes, decides something (skip, leave), or has parts that do.</summary>
    private static bool Shown(Change c) => c.Action != ChangeAction.None || c.Details.Any(d => d.Action != ChangeAction.None);

    private static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Create => "[green]create[/]",
        ChangeAction.Update => "[yellow]update[/]",
        ChangeAction.Delete => "[red]delete[/]",
        ChangeAction.Skip => "[grey]skip[/]",
        ChangeAction.Leave => "[magenta]leave[/]",
        _ => "[grey]none[/]",
    };

    private static string Esc(string text) => Markup.Escape(text);
}
