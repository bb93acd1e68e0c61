using System.Globalization;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The HTML report of a plan or an apply (spec §8): per destination a header (environment mapping, counts, drift,
/// clean-up, warnings), then per project the seed's variable tables side by side and the process steps with their
/// scoping. A pure function of its input: one self-contained, deterministic document. Sensitive values never appear.
/// </summary>
public static class HtmlReport
{
    public static string Render(HtmlReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = $"OctoSync {input.Command}";
        var html = new HtmlWriter()
            .Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Element("title", title)
            .Markup("<style>\n" + ReportStyles.Css + "\n</style>\n</head>\n<body>\n")
            .Element("h1", title);
        if (input.GeneratedAt is not null)
        {
            html.Element("p", $"Generated {input.GeneratedAt}", "muted");
        }

        foreach (var destination in input.Destinations)
        {
            Header(html, destination);
            foreach (var project in ProjectViews.Of(destination))
            {
                ProjectSection.Write(html, project);
            }
        }

        return html.Markup("</body>\n</html>\n").ToString();
    }

    private static void Header(HtmlWriter html, ReportDestination d)
    {
        var plan = d.Plan;
        html.Element("h2", $"Destination {plan.Destination}")
            .Element("p", $"Space \"{plan.SourceSpace}\" → space \"{plan.DestinationSpace}\"")
            .Element("p", Summary(plan));
        if (d.Outcomes is { } outcomes)
        {
            var counts = outcomes.Where(o => o.Outcome != ApplyOutcome.NothingToDo).GroupBy(o => o.Outcome).OrderBy(g => g.Key)
                .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key}");
            html.Element("p", $"Applied: {string.Join(", ", counts.DefaultIfEmpty("nothing to write"))}");
            html.Element("h3", "Failures");
            html.Table(["Object", "Outcome", "Message"],
                outcomes.Where(o => o.Outcome is not (ApplyOutcome.Applied or ApplyOutcome.NothingToDo))
                    .Select(o => ((string?)"changed", (IReadOnlyList<string>)[o.Subject, o.Outcome.ToString(), o.Message ?? ""])), "None.");
        }

        html.Element("h3", "Environment mapping");
        html.Table(["Source environment", "Destination environment", "Rule"],
            plan.EnvironmentMappings.Select(m => ((string?)null, (IReadOnlyList<string>)[m.Source, m.Destination ?? "excluded", m.Rule])), "No environments.");

        html.Element("h3", "Drift (changed on the destination since OctoSync last wrote it)");
        html.Table(["Object", "Item", "Decision", "Rule", "Reason"],
            plan.Changes.SelectMany(c => c.Details.Where(x => x.IsDrift).Select(x => ((string?)null,
                (IReadOnlyList<string>)[$"{c.Kind} {c.Key}", x.Item, x.Action.ToString(), x.Rule, x.Reason]))), "No drift.");

        html.Element("h3", "Clean-up (placeholders to fill in)");
        html.Table(["Kind", "Subject", "What"],
            plan.Cleanup.Select(c => ((string?)null, (IReadOnlyList<string>)[c.Kind.ToString(), c.Subject, c.What])), "Nothing to clean up.");

        if (plan.Diagnostics.Count > 0)
        {
            html.Element("h3", "Warnings and errors");
            html.Table(["Severity", "Summary", "Detail"],
                plan.Diagnostics.Select(x => ((string?)null, (IReadOnlyList<string>)[x.Severity.ToString(), x.Summary, x.Detail ?? ""])));
        }
    }

    /// <summary>The plan's counts, as the terminal's summary line counts them (skips and leaves include steps and values).</summary>
    private static string Summary(Plan plan)
    {
        int Parts(ChangeAction a) => plan.Count(a) + plan.Changes.Sum(c => c.Details.Count(x => x.Action == a));
        var drift = plan.Changes.Sum(c => c.Details.Count(x => x.IsDrift));
        return string.Create(CultureInfo.InvariantCulture,
            $"Plan: {plan.Count(ChangeAction.Create)} to create, {plan.Count(ChangeAction.Update)} to update, {plan.DeleteCount} to delete, "
            + $"{Parts(ChangeAction.Skip)} skipped, {Parts(ChangeAction.Leave)} left ({drift} drift), {plan.Count(ChangeAction.None)} unchanged");
    }
}
