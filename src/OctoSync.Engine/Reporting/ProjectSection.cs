using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>One project of the report: the three variable tables side by side, the processes, and every decision about the project.</summary>
internal static class ProjectSection
{
    private static readonly string[] VariableHeaders = ["Variable Name", "Value", "Scope"];
    private static readonly string[] DecidedHeaders = ["Variable Name", "Value", "Scope", "Decision: rule — reason"];

    public static void Write(HtmlWriter html, ProjectView project, string id)
    {
        html.Markup($"<section class=\"project\" id=\"{HtmlWriter.Encode(id)}\">\n").Element("h2", $"Project {project.Name}");
        html.Element("p", Decisions.Counts(project.Changes), "muted");
        html.Element("h3", "Variables").Markup("<div class=\"side\">\n");
        Variables(html, "Source", project.Source, decided: true);
        Variables(html, "Destination before", project.DestinationBefore, decided: false);
        Variables(html, "Destination after", project.DestinationAfter, decided: true);
        html.Markup("</div>\n");

        foreach (var process in project.Processes)
        {
            html.Element("h3", process.Change is { } c ? $"{process.Title}: {PlainWords.Of(c.Action)} ({c.Rule})" : process.Title);
            html.Table(["Step", "Action type", "Source scoping", "Destination scoping (after)", "Decision", "Rule", "Reason"],
                process.Steps.Select(s => (s.Decision is { } a ? Decisions.Class(a, s.IsDrift) : null,
                    (IReadOnlyList<string>)[s.Name, s.ActionType, s.SourceScope, s.DestinationScope, Decision(s), s.Rule, s.Reason])), "No steps.");
        }

        html.Element("h3", "Decisions");
        html.Table(["Object", "Decision", "Rule", "Reason"],
            project.Changes.Select(c => ((string?)Decisions.Class(c.Action), (IReadOnlyList<string>)[$"{PlainWords.Of(c.Kind)} {c.Key}", PlainWords.Of(c.Action), c.Rule, c.Reason])));
        html.Markup("</section>\n");
    }

    /// <summary>A labelled table (the label stays above it when the three stack on a narrow screen). Rows are coloured
    /// by the plan's decision about the value; in "before", a row that is not in "after" is marked as changed.</summary>
    private static void Variables(HtmlWriter html, string title, IReadOnlyList<VariableRow> rows, bool decided)
    {
        html.Markup("<div class=\"variables\">\n").Element("h4", title);
        html.Table(decided ? DecidedHeaders : VariableHeaders,
            rows.Select(r => (RowClass(r, decided),
                decided ? (IReadOnlyList<string>)[r.ShownName, r.Value, r.Scope, r.Decision is { } d ? Decisions.Text(d) : ""] : [r.ShownName, r.Value, r.Scope])),
            "No variables.");
        html.Markup("</div>\n");
    }

    private static string? RowClass(VariableRow row, bool decided) =>
        decided && row.Decision is { } d ? Decisions.Class(d.Action, d.IsDrift)
        : row.Changed ? "changed"
        : null;

    private static string Decision(StepRow step) => step.Decision switch
    {
        null => "",
        { } a => step.IsDrift ? $"{PlainWords.Of(a)} (drift)" : PlainWords.Of(a),
    };
}
