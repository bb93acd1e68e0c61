using System.Globalization;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The HTML report of a plan or an apply (spec §8): a table of contents with per-project counts, then per destination
/// a header (both instances, spaces, server versions when known, the time, the environment mapping, counts, drift,
/// clean-up, warnings), then per project the seed's variable tables side by side (with each value's decision) and the
/// process steps with their scoping. A pure function of its input: one self-contained, deterministic document.
/// Sensitive values never appear.
/// </summary>
public static class HtmlReport
{
    public static string Render(HtmlReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = $"OctoSync {input.Command}";
        var html = new HtmlWriter()
            .Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", title)
            .Markup("<style>\n" + ReportStyles.Css + "\n</style>\n</head>\n<body>\n")
            .Element("h1", title);
        if (input.GeneratedAt is not null)
        {
            html.Element("p", $"Generated {input.GeneratedAt}", "muted");
        }

        var destinations = input.Destinations.Select((d, i) => (Destination: d, Id: $"destination-{i + 1}", Projects: ProjectViews.Of(d))).ToList();
        Contents(html, destinations);
        foreach (var (destination, id, projects) in destinations)
        {
            Header(html, destination, id, input.SourceUrl);
            for (var i = 0; i < projects.Count; i++)
            {
                ProjectSection.Write(html, projects[i], ProjectId(id, i));
            }
        }

        return html.Markup("</body>\n</html>\n").ToString();
    }

    private static string ProjectId(string destination, int index) => $"{destination}-project-{index + 1}";

    /// <summary>Every destination and project with its counts, linked, so a report of many projects can be navigated.</summary>
    private static void Contents(HtmlWriter html, IReadOnlyList<(ReportDestination Destination, string Id, IReadOnlyList<ProjectView> Projects)> destinations)
    {
        html.Markup("<nav class=\"toc\">\n").Element("h2", "Contents").Markup("<ul>\n");
        foreach (var (destination, id, projects) in destinations)
        {
            html.Markup($"<li><a href=\"#{id}\">{HtmlWriter.Encode($"Destination {destination.Plan.Destination}")}</a> ")
                .Element("span", PlanSummaryText(destination.Plan), "muted")
                .Markup("<ul>\n");
            for (var i = 0; i < projects.Count; i++)
            {
                html.Markup($"<li><a href=\"#{ProjectId(id, i)}\">{HtmlWriter.Encode(projects[i].Name)}</a> ")
                    .Element("span", Decisions.Counts(projects[i].Changes), "muted")
                    .Markup("</li>\n");
            }

            html.Markup("</ul></li>\n");
        }

        html.Markup("</ul>\n</nav>\n");
    }

    private static void Header(HtmlWriter html, ReportDestination d, string id, Uri? sourceUrl)
    {
        var plan = d.Plan;
        html.Markup($"<section class=\"destination\" id=\"{id}\">\n").Element("h2", $"Destination {plan.Destination}");
        html.Markup("<table class=\"instances\">\n<thead><tr><th></th><th>URL</th><th>Space</th><th>Server version</th></tr></thead>\n<tbody>\n");
        Instance(html, "Source", sourceUrl, plan.SourceSpace, d.SourceServerVersion);
        Instance(html, "Destination", d.DestinationUrl, plan.DestinationSpace, d.DestinationServerVersion);
        html.Markup("</tbody>\n</table>\n");
        html.Element("p", PlanSummaryText(plan));
        if (d.Outcomes is { } outcomes)
        {
            var counts = outcomes.Where(o => o.Outcome != ApplyOutcome.NothingToDo).GroupBy(o => o.Outcome).OrderBy(g => g.Key)
                .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {PlainWords.Of(g.Key)}");
            html.Element("p", $"Outcome: {string.Join(", ", counts.DefaultIfEmpty("nothing to write"))}");
            html.Element("h3", "Failures");
            html.Table(["Object", "Outcome", "Message"],
                outcomes.Where(o => o.Outcome is not (ApplyOutcome.Applied or ApplyOutcome.NothingToDo))
                    .Select(o => ((string?)Decisions.Class(o.Outcome), (IReadOnlyList<string>)[o.Subject, PlainWords.Of(o.Outcome), o.Message ?? ""])), "None.");
        }

        html.Element("h3", "Environment mapping");
        html.Table(["Source environment", "Destination environment", "Rule"],
            plan.EnvironmentMappings.Select(m => (m.Destination is null ? "d-skip" : null, (IReadOnlyList<string>)[m.Source, m.Destination ?? "excluded", m.Rule])), "No environments.");

        html.Element("h3", "Drift (changed on the destination since OctoSync last wrote it)");
        html.Table(["Object", "Item", "Decision", "Rule", "Reason"],
            plan.Changes.SelectMany(c => c.Details.Where(x => x.IsDrift).Select(x => ((string?)"d-drift",
                (IReadOnlyList<string>)[$"{PlainWords.Of(c.Kind)} {c.Key}", x.Item, PlainWords.Of(x.Action), x.Rule, x.Reason]))), "No drift.");

        html.Element("h3", "Clean-up (placeholders to fill in)");
        html.Table(["Kind", "Subject", "What"],
            plan.Cleanup.Select(c => ((string?)null, (IReadOnlyList<string>)[PlainWords.Of(c.Kind), c.Subject, c.What])), "Nothing to clean up.");

        if (plan.Diagnostics.Count > 0)
        {
            html.Element("h3", "Warnings and errors");
            html.Table(["Severity", "Summary", "Detail"],
                plan.Diagnostics.Select(x => (x.Severity == Severity.Error ? "d-failed" : null, (IReadOnlyList<string>)[PlainWords.Of(x.Severity), x.Summary, x.Detail ?? ""])));
        }

        html.Markup("</section>\n");
    }

    private static void Instance(HtmlWriter html, string side, Uri? url, string space, string? version) =>
        html.Markup("<tr>").Element("th", side).Element("td", url?.ToString() ?? "—").Element("td", space).Element("td", version ?? "—").Markup("</tr>\n");

    /// <summary>The plan's counts, as the terminal's summary line counts them (skips and leaves include steps and values).</summary>
    private static string PlanSummaryText(Plan plan)
    {
        int Parts(ChangeAction a) => plan.Count(a) + plan.Changes.Sum(c => c.Details.Count(x => x.Action == a));
        var drift = plan.Changes.Sum(c => c.Details.Count(x => x.IsDrift));
        return string.Create(CultureInfo.InvariantCulture,
            $"Plan: {plan.Count(ChangeAction.Create)} to create, {plan.Count(ChangeAction.Update)} to update, {plan.DeleteCount} to delete, "
            + $"{Parts(ChangeAction.Skip)} skipped, {Parts(ChangeAction.Leave)} left ({drift} drift), {plan.Count(ChangeAction.None)} unchanged");
    }
}
