using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>One project of the report: the three variable tables side by side, the processes, and every decision about the project.</summary>
internal static class ProjectSection
{
    private static readonly string[] VariableHeaders = ["Variable Name", "Value", "Scope"];

    public static void Write(HtmlWriter html, ProjectView project)
    {
        html.Markup("<section class=\"project\">\n").Element("h2", $"Project {project.Name}");
        html.Element("h3", "Variables").Markup("<div class=\"side\">\n");
        Variables(html, "Source", project.Source);
        Variables(html, "Destination before", project.DestinationBefore);
        Variables(html, "Destination after", project.DestinationAfter);
        html.Markup("</div>\n");

        foreach (var process in project.Processes)
        {
            html.Element("h3", process.Change is { } c ? $"{process.Title}: {c.Action} ({c.Rule})" : process.Title);
            html.Table(["Step", "Action type", "Source scoping", "Destination scoping (after)", "Decision", "Rule", "Reason"],
                process.Steps.Select(s => (s.IsDrift ? "changed" : null,
                    (IReadOnlyList<string>)[s.Name, s.ActionType, s.SourceScope, s.DestinationScope, Decision(s), s.Rule, s.Reason])), "No steps.");
        }

        html.Element("h3", "Decisions");
        html.Table(["Object", "Decision", "Rule", "Reason"],
            project.Changes.Select(c => (c.Writes ? "changed" : null, (IReadOnlyList<string>)[$"{c.Kind} {c.Key}", c.Action.ToString(), c.Rule, c.Reason])));
        html.Markup("</section>\n");
    }

    private static void Variables(HtmlWriter html, string title, IReadOnlyList<VariableRow> rows)
    {
        html.Markup("<div>\n").Element("h4", title);
        html.Table(VariableHeaders, rows.Select(r => (r.Changed ? "changed" : null, (IReadOnlyList<string>)[r.ShownName, r.Value, r.Scope])), "No variables.");
        html.Markup("</div>\n");
    }

    private static string Decision(StepRow step) => step.Decision switch
    {
        null => "",
        ChangeAction.None => "unchanged",
        { } a => step.IsDrift ? $"{a.ToString().ToLowerInvariant()} (drift)" : a.ToString().ToLowerInvariant(),
    };
}
