using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>
/// Builds the <see cref="ProjectView"/>s of one destination from its plan and snapshots. "Before" is the destination
/// as read; "after" is the planned document when it is (or, for a plan, would be) written, else the document as read.
/// </summary>
public static class ProjectViews
{
    public static IReadOnlyList<ProjectView> Of(ReportDestination destination)
    {
        var sourceNames = DisplayNames.Of(destination.Source);
        var destinationNames = DisplayNames.Of(destination.Destination);
        var changes = destination.Plan.Changes;
        var projects = changes.Where(c => c.Kind == ResourceKind.Project).Select(c => c.Key)
            .Concat(changes.Where(c => (c.Kind == ResourceKind.VariableSet && c.Key.StartsWith("Project:", StringComparison.Ordinal))
                || c.Kind == ResourceKind.DeploymentProcess).Select(c => c.Owner ?? c.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        return projects.Select(p => Project(p, destination, sourceNames, destinationNames)).ToList();
    }

    private static ProjectView Project(string name, ReportDestination d, DisplayNames sourceNames, DisplayNames destinationNames)
    {
        var sourceProject = sourceNames.Index.Document(ResourceKind.Project, name);
        var destinationProject = destinationNames.Index.Document(ResourceKind.Project, name);
        var variables = Find(d.Plan, ResourceKind.VariableSet, ResourceKeys.VariableSet("Project", name));
        var (before, after) = BeforeAfter(d, variables, ById(d.Destination.VariableSets, destinationProject?.Str("VariableSetId")));

        var beforeRows = VariableRows.Of(before, destinationNames);
        var afterRows = VariableRows.Of(after, destinationNames);
        var processes = new List<ProcessView>();
        var deployment = Find(d.Plan, ResourceKind.DeploymentProcess, name);
        if (deployment is not null || sourceProject?.Str("DeploymentProcessId") is not null)
        {
            processes.Add(Process("Deployment process", d, deployment,
                ById(d.Source.DeploymentProcesses, sourceProject?.Str("DeploymentProcessId")),
                ById(d.Destination.DeploymentProcesses, destinationProject?.Str("DeploymentProcessId")), sourceNames, destinationNames));
        }

        foreach (var runbook in d.Plan.Changes.Where(c => c.Kind == ResourceKind.RunbookProcess && Owned(c, name)).OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            var sourceRunbook = sourceNames.Index.Document(ResourceKind.Runbook, runbook.Key);
            var source = ById(d.Source.RunbookProcesses, sourceRunbook?.Str("RunbookProcessId"));
            processes.Add(Process($"Runbook \"{sourceRunbook?.Name() ?? runbook.Key}\"", d, runbook, source, null, sourceNames, destinationNames));
        }

        // Every value's decision, as the text plan gives it: on the source row (what happens to that value, skips
        // included) and on the destination-after row (why the value is what it is).
        var decisions = variables?.Details ?? [];
        return new ProjectView(
            name,
            VariableDecisions.Attach(VariableRows.Of(ById(d.Source.VariableSets, sourceProject?.Str("VariableSetId")), sourceNames), decisions, _ => true),
            VariableRows.MarkChanged(beforeRows, afterRows),
            VariableDecisions.Attach(VariableRows.MarkChanged(afterRows, beforeRows), decisions, x => x.Action != ChangeAction.Skip),
            processes,
            d.Plan.Changes.Where(c => Owned(c, name) || (c.Kind == ResourceKind.Project && string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase))).ToList());
    }

    private static ProcessView Process(string title, ReportDestination d, Change? change, JsonObject? source, JsonObject? read,
        DisplayNames sourceNames, DisplayNames destinationNames)
    {
        var (_, after) = BeforeAfter(d, change, read);
        return new ProcessView(title, change, StepRows.Of(source, after, change?.Details ?? [], sourceNames, destinationNames));
    }

    private static (JsonObject? Before, JsonObject? After) BeforeAfter(ReportDestination d, Change? change, JsonObject? read)
    {
        var before = change?.Before ?? read;
        return (before, change is not null && d.Written(change) ? change.After : before);
    }

    private static bool Owned(Change change, string project) => string.Equals(change.Owner, project, StringComparison.OrdinalIgnoreCase);

    private static Change? Find(Plan plan, ResourceKind kind, string key) =>
        plan.Changes.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    private static JsonObject? ById(IReadOnlyDictionary<string, JsonObject> documents, string? id) =>
        id is not null && documents.TryGetValue(id, out var document) ? document : null;
}
