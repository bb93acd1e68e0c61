using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Processes.Internal;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes;

/// <summary>
/// Decides every step of one deployment or runbook process (spec §5.4, §6). Pure: no I/O.
/// Steps are matched by name; each source step is translated (scoping rules, ids), then decided three-way against
/// the destination's step; steps only the destination has follow <c>steps.destinationOnlySteps</c>. The result is the
/// destination process with its steps rebuilt in merged order, written as one PUT.
/// </summary>
public static class ProcessPlanner
{
    public static ProcessPlan Plan(ProcessPlanningContext context)
    {
        var diagnostics = new List<Diagnostic>();
        var destinationSteps = context.Destination?.Arr("Steps").Objects().ToList() ?? [];
        var byName = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in destinationSteps)
        {
            byName.TryAdd(step.Name(), step);
        }

        var sourceSteps = context.Source.Arr("Steps").Objects().ToList();
        var sourceNames = sourceSteps.Select(s => s.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var outcomes = new List<StepOutcome>();
        foreach (var sourceStep in sourceSteps)
        {
            var translated = StepTranslator.Translate(sourceStep, context, diagnostics);
            var destination = byName.GetValueOrDefault(sourceStep.Name());
            var renamedFrom = destination is null ? RenamedFrom(sourceStep, context, byName, sourceNames, claimed) : InRenamedRunbook(sourceStep.Name(), context);
            if (renamedFrom is not null)
            {
                destination = byName[renamedFrom.Value.OldName];
            }

            claimed.Add(destination?.Name() ?? sourceStep.Name());
            outcomes.Add(StepDecider.Decide(translated, destination, context, sourceStep.Str("Id"), renamedFrom?.StateKey));
        }

        var destinationOnly = destinationSteps.Where(d => !claimed.Contains(d.Name()))
            .Select(d => DestinationOnly(d, context)).ToList();
        var kept = destinationOnly.Where(o => o.Document is not null)
            .ToDictionary(o => o.Name, o => o.Document!, StringComparer.OrdinalIgnoreCase);
        var ordered = Order(context, outcomes, destinationSteps, kept);

        var all = outcomes.Concat(destinationOnly).ToList();
        JsonObject? after = null;
        if (context.Destination is null || !IsAsRead(ordered, context.Destination.Arr("Steps")))
        {
            after = NewDocument(context);
            after["Steps"] = new JsonArray([.. ordered.Select(s => (JsonNode)s.Clone())]);
        }

        var change = ProcessChange.Build(context, after, all);
        return new ProcessPlan(change, diagnostics, change.Writes ? [.. all.SelectMany(o => o.Cleanup)] : []);
    }

    /// <summary>
    /// The source's order with the destination's own steps in their places (spec §5.4). Under <c>overwrite: never</c> the
    /// destination's order of the steps it has is kept, and only steps new to it are placed after their source predecessor.
    /// </summary>
    private static List<JsonObject> Order(ProcessPlanningContext context, List<StepOutcome> outcomes, List<JsonObject> destinationSteps, Dictionary<string, JsonObject> kept)
    {
        var planned = outcomes.Where(o => o.Document is not null).Select(o => (o.Document!.Name(), o.Document!)).ToList();
        if (context.Rules.Variables.Overwrite != Configuration.OverwriteMode.Never || context.Destination is null)
        {
            return OrderMerge.Merge(planned, destinationSteps.Select(d => d.Name()), kept);
        }

        var documents = planned.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, document) in kept)
        {
            documents.TryAdd(name, document);
        }

        var existing = destinationSteps.Where(d => documents.ContainsKey(d.Name())).Select(d => (d.Name(), documents[d.Name()])).ToList();
        var onDestination = existing.Select(e => e.Item1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fresh = planned.Where(p => !onDestination.Contains(p.Item1)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        return OrderMerge.Merge(existing, planned.Select(p => p.Item1), fresh);
    }

    /// <summary>
    /// A source step with no destination step of its name that OctoSync wrote before under another name (the state records
    /// the source step's Id): renamed on the source. The old step is updated in place — never a new step beside it.
    /// </summary>
    private static (string StateKey, string OldName)? RenamedFrom(JsonObject sourceStep, ProcessPlanningContext context,
        Dictionary<string, JsonObject> byName, HashSet<string> sourceNames, HashSet<string> claimed)
    {
        var index = StateIndex.Of(context.State);
        if (sourceStep.Str("Id") is not { } id || index.KeyOfSource("Step", id) is not { } key
            || index.Object(key)?.SourceName is not { } oldName
            || (key != StepDecider.StateKey(context, oldName) && key != StepDecider.PreviousStateKey(context, oldName))
            || sourceNames.Contains(oldName) || claimed.Contains(oldName) || !byName.ContainsKey(oldName))
        {
            return null;
        }

        return (key, oldName);
    }

    /// <summary>
    /// A step of a runbook the source renamed, matched by its name: OctoSync recorded it under the runbook's old name, and
    /// that entry is its base (and moves to the new name). Null when the state already has it under the new name.
    /// </summary>
    private static (string StateKey, string OldName)? InRenamedRunbook(string stepName, ProcessPlanningContext context)
    {
        var index = StateIndex.Of(context.State);
        return StepDecider.PreviousStateKey(context, stepName) is { } previous && index.Object(StepDecider.StateKey(context, stepName)) is null
            && index.Object(previous) is not null
            ? (previous, stepName)
            : null;
    }

    private static StepOutcome DestinationOnly(JsonObject step, ProcessPlanningContext context)
    {
        var index = StateIndex.Of(context.State);
        var stateKey = StepDecider.StateKey(context, step.Name());
        if (index.Object(stateKey) is null && StepDecider.PreviousStateKey(context, step.Name()) is { } previous && index.Object(previous) is not null)
        {
            stateKey = previous;
        }

        if (index.Object(stateKey) is { } written)
        {
            // OctoSync wrote it and its source step is gone (deleted or renamed away): not a destination-only step.
            return StepDecider.Gone(step, written, stateKey, context, "deleted or renamed on the source");
        }

        var mode = context.Rules.Steps.DestinationOnlySteps;
        var item = $"step \"{step.Name()}\"";
        var rule = RuleText.DestinationOnlySteps(mode);
        if (mode == DestinationOnlyStepsMode.Remove)
        {
            foreach (var action in step.Arr("Actions").Objects())
            {
                context.Translator.Exclude(ResourceKind.Action, context.ActionKey(action.Name()));
            }

            return new StepOutcome(step.Name(), null, [new ChangeDetail(item, ChangeAction.Delete, rule, "Exists only on the destination; removed.")], [], [], false);
        }

        return new StepOutcome(step.Name(), step, [new ChangeDetail(item, ChangeAction.Leave, rule, "Exists only on the destination; kept in its place.")], [], [], false);
    }

    /// <summary>
    /// Whether the ordered steps are the destination's step documents themselves, all of them and in their order: then the
    /// process to write would be a copy of the one read, so it is neither built nor fingerprinted (issue #10: every unchanged
    /// process was copied twice and both copies' steps made portable on every run).
    /// </summary>
    private static bool IsAsRead(List<JsonObject> ordered, JsonArray destinationSteps) =>
        ordered.Count == destinationSteps.Count && ordered.Select((step, i) => ReferenceEquals(step, destinationSteps[i])).All(same => same);

    /// <summary>The destination process as read, or (owner created by this plan) an empty one with the owner's ids.</summary>
    private static JsonObject NewDocument(ProcessPlanningContext context)
    {
        if (context.Destination is not null)
        {
            return context.Destination.Clone();
        }

        var t = context.Translator;
        var process = new JsonObject { ["Id"] = context.DestinationId };
        if (t.TranslateKey(ResourceKind.Project, context.ProjectName) is { } project)
        {
            process["ProjectId"] = project;
        }

        if (context.RunbookName is not null && t.TranslateKey(ResourceKind.Runbook, context.Key) is { } runbook)
        {
            process["RunbookId"] = runbook;
        }

        return process;
    }

}
