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
            ? context.DestinationRunbooks.Of(projectId).ToList()
            : [];
        var sourceRunbooks = context.SourceRunbooks.Of(context.SourceProjectId)
            .OrderBy(r => r.Name(), StringComparer.Ordinal);
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sourceNames = sourceRunbooks.Select(r => r.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sourceRunbooks)
        {
            var destination = destinationRunbooks.FirstOrDefault(d => string.Equals(d.Name(), source.Name(), StringComparison.OrdinalIgnoreCase));
            var rename = destination is null ? RenamedFrom(source, context, destinationRunbooks, sourceNames, decided) : null;
            if (rename is not null)
            {
                // Renamed on the source: the runbook OctoSync wrote under the old name is updated in place (same id, same
                // process), and ProcessOwner scopes and its actions translate to it.
                destination = destinationRunbooks.First(d => string.Equals(d.Name(), rename.OldName, StringComparison.OrdinalIgnoreCase));
                var key = ResourceKeys.Runbook(context.ProjectName, source.Name());
                var oldKey = ResourceKeys.Runbook(context.ProjectName, rename.OldName);
                context.Translator.Map(ResourceKind.Runbook, key, oldKey);
                context.Translator.Map(ResourceKind.RunbookProcess, key, oldKey);
            }

            var change = RunbookDecider.Decide(source, destination, context, diagnostics, rename);
            runbooks.Add(change);
            if (change.Action is not ChangeAction.Skip)
            {
                decided.Add(source.Name());
                if (rename is not null)
                {
                    decided.Add(rename.OldName);
                }
            }

            if (change.Action is ChangeAction.Skip || (destination is null && change.Action is ChangeAction.Leave))
            {
                Exclude(source, context);
                continue;
            }

            if (Process(source, destination, change, context, diagnostics, rename) is { } process)
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

    /// <summary>The rename of this source runbook, when OctoSync wrote it before under a name it no longer has (<see cref="SourceRename"/>).</summary>
    private static SourceRename? RenamedFrom(JsonObject source, RunbookPlanningContext context, List<JsonObject> destinationRunbooks,
        HashSet<string> sourceNames, HashSet<string> decided) =>
        SourceRename.Find(context.State, ResourceKind.Runbook, source.Str("Id"), name => ResourceKeys.Runbook(context.ProjectName, name),
            oldName => !sourceNames.Contains(oldName) && !decided.Contains(oldName)
                && destinationRunbooks.Any(d => string.Equals(d.Name(), oldName, StringComparison.OrdinalIgnoreCase)));

    private static ProcessPlan? Process(JsonObject source, JsonObject? destination, Change runbook, RunbookPlanningContext context, List<Diagnostic> diagnostics, SourceRename? rename)
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
            PreviousRunbookName = rename?.OldName,
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
