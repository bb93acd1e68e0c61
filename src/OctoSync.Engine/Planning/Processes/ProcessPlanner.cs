using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Processes.Internal;
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
        var outcomes = new List<StepOutcome>();
        foreach (var sourceStep in context.Source.Arr("Steps").Objects())
        {
            var translated = StepTranslator.Translate(sourceStep, context, diagnostics);
            var destination = destinationSteps.FirstOrDefault(d => SameName(d, sourceStep));
            outcomes.Add(StepDecider.Decide(translated, destination, context));
        }

        var destinationOnly = destinationSteps.Where(d => !outcomes.Any(o => SameName(o.Name, d.Name())))
            .Select(d => DestinationOnly(d, context)).ToList();
        var kept = destinationOnly.Where(o => o.Document is not null)
            .ToDictionary(o => o.Name, o => o.Document!, StringComparer.OrdinalIgnoreCase);
        var ordered = OrderMerge.Merge(
            outcomes.Where(o => o.Document is not null).Select(o => (o.Name, o.Document!)).ToList(),
            destinationSteps.Select(d => d.Name()),
            kept);

        var all = outcomes.Concat(destinationOnly).ToList();
        var after = NewDocument(context);
        after["Steps"] = new JsonArray([.. ordered.Select(s => (JsonNode)s.Clone())]);
        var change = ProcessChange.Build(context, after, all);
        return new ProcessPlan(change, diagnostics, change.Writes ? [.. all.SelectMany(o => o.Cleanup)] : []);
    }

    private static StepOutcome DestinationOnly(JsonObject step, ProcessPlanningContext context)
    {
        var mode = context.Rules.Steps.DestinationOnlySteps;
        var item = $"step \"{step.Name()}\"";
        var rule = RuleText.DestinationOnlySteps(mode);
        var stateKey = StepDecider.StateKey(context, step.Name());
        var forget = context.State?.Objects.ContainsKey(stateKey) == true ? new StateUpdate.RemoveObject(stateKey) : null;
        return mode == DestinationOnlyStepsMode.Remove
            ? new StepOutcome(step.Name(), null, [new ChangeDetail(item, ChangeAction.Delete, rule, "Exists only on the destination; removed.")], forget, [], false)
            : new StepOutcome(step.Name(), step, [new ChangeDetail(item, ChangeAction.Leave, rule, "Exists only on the destination; kept in its place.")], null, [], false);
    }

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

    private static bool SameName(JsonObject a, JsonObject b) => SameName(a.Name(), b.Name());

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
