using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Processes.Internal;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes;

/// <summary>
/// Decides the runbooks of one project and their processes (spec §5.4: runbooks whose environment scope maps
/// to nothing follow the step rules; spec §6: three-way per runbook). Pure: no I/O.
/// Runbook changes come first (in name order), then the processes of the runbooks that reach the destination.
/// </summary>
public static class RunbookPlanner
{
    public static RunbookPlan Plan(RunbookPlanningContext context)
    {
        var diagnostics = new List<Diagnostic>();
        var cleanup = new List<CleanupItem>();
        var runbooks = new List<Change>();
        var processes = new List<Change>();
        var destinationRunbooks = context.DestinationProjectIdIfExists is { } projectId
            ? context.Destination.Runbooks.Where(r => string.Equals(r.Str("ProjectId"), projectId, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        var sourceRunbooks = context.Source.Runbooks
            .Where(r => string.Equals(r.Str("ProjectId"), context.SourceProjectId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Name(), StringComparer.Ordinal);
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sourceRunbooks)
        {
            var destination = destinationRunbooks.FirstOrDefault(d => string.Equals(d.Name(), source.Name(), StringComparison.OrdinalIgnoreCase));
            var change = RunbookDecider.Decide(source, destination, context, diagnostics);
            runbooks.Add(change);
            if (change.Action is not ChangeAction.Skip)
            {
                decided.Add(source.Name());
            }

            if (change.Action is ChangeAction.Skip || (destination is null && change.Action is ChangeAction.Leave))
            {
                Exclude(source, context);
                continue;
            }

            if (Process(source, destination, change, context, diagnostics) is { } process)
            {
                processes.Add(process.Change);
                diagnostics.AddRange(process.Diagnostics);
                cleanup.AddRange(process.Cleanup);
            }
        }

        var gone = destinationRunbooks.Where(d => !decided.Contains(d.Name()))
            .Select(d => Gone(d, context)).OfType<Change>().ToList();
        return new RunbookPlan([.. runbooks, .. processes], diagnostics, cleanup) { Gone = gone };
    }

    /// <summary>A destination runbook OctoSync wrote whose source runbook is gone or skipped by the rules (spec §6).</summary>
    private static Change? Gone(JsonObject destination, RunbookPlanningContext context)
    {
        var key = ResourceKeys.Runbook(context.ProjectName, destination.Name());
        var stateKey = ThreeWayDecision.StateKey(ResourceKind.Runbook, key);
        if (StateIndex.Of(context.State).Object(stateKey) is not { } written)
        {
            return null;
        }

        var current = written.Fields is { } fields ? PortableForm.Fingerprint(destination, fields, context.Translator) : "unknown (state format 1)";
        var cell = GoneFromSource.Decide(written.Fingerprint, current, context.Rules.Variables.Overwrite, "deleted, renamed or no longer decided by the rules on the source");
        return new Change
        {
            Kind = ResourceKind.Runbook,
            Key = key,
            Action = cell.Action,
            Rule = cell.Rule,
            Reason = cell.Reason,
            DestinationId = destination.Str("Id"),
            Owner = context.ProjectName,
            Before = destination,
            Details = cell.IsDrift ? [new ChangeDetail($"runbook \"{destination.Name()}\"", cell.Action, cell.Rule, cell.Reason, IsDrift: true)] : [],
            StateUpdates = cell.Action == ChangeAction.Delete ? [new StateUpdate.RemoveObject(stateKey)] : [],
        };
    }

    private static ProcessPlan? Process(JsonObject source, JsonObject? destination, Change runbook, RunbookPlanningContext context, List<Diagnostic> diagnostics)
    {
        if (source.Str("RunbookProcessId") is not { } sourceProcessId || !context.Source.RunbookProcesses.TryGetValue(sourceProcessId, out var sourceProcess))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "The source runbook's process was not read; its steps are not synced.", Subject: runbook.Key));
            return null;
        }

        JsonObject? destinationProcess = null;
        if (runbook.Action != ChangeAction.Create && destination?.Str("RunbookProcessId") is { } destinationProcessId)
        {
            context.Destination.RunbookProcesses.TryGetValue(destinationProcessId, out destinationProcess);
        }

        return ProcessPlanner.Plan(new ProcessPlanningContext
        {
            ProjectName = context.ProjectName,
            RunbookName = source.Name(),
            Source = sourceProcess,
            Destination = destinationProcess,
            DestinationId = destinationProcess?.Str("Id") ?? (runbook.Action == ChangeAction.Create ? null : destination?.Str("RunbookProcessId"))
                ?? ReferenceToken.For(ResourceKind.RunbookProcess, runbook.Key),
            Translator = context.Translator,
            Rules = context.Rules,
            State = context.State,
        });
    }

    /// <summary>A runbook that does not reach the destination: references to it and to its actions translate to null.</summary>
    private static void Exclude(JsonObject source, RunbookPlanningContext context)
    {
        var t = context.Translator;
        t.Exclude(ResourceKind.Runbook, ResourceKeys.Runbook(context.ProjectName, source.Name()));
        if (source.Str("RunbookProcessId") is { } id && context.Source.RunbookProcesses.TryGetValue(id, out var process))
        {
            foreach (var action in Translation.NameIndex.Actions(process))
            {
                t.Exclude(ResourceKind.Action, ResourceKeys.RunbookAction(context.ProjectName, source.Name(), action.Name()));
            }
        }
    }
}
