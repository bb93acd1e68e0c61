using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>Builds the process <see cref="Change"/> from the per-step outcomes.</summary>
internal static class ProcessChange
{
    /// <param name="after">The process to write; null when it would be the destination's as read (nothing differs).</param>
    public static Change Build(ProcessPlanningContext context, JsonObject? after, IReadOnlyList<StepOutcome> outcomes)
    {
        var t = context.Translator;
        var differs = after is not null && (context.Destination is null
            ? after.Arr("Steps").Count > 0
            : PortableForm.FingerprintSteps(after.Arr("Steps"), t) != PortableForm.FingerprintSteps(context.Destination.Arr("Steps"), t));
        var details = outcomes.SelectMany(o => o.Details).ToList();
        // Steps kept because only the destination has them are as the rules want them: they make no Leave on their own.
        var keep = RuleText.DestinationOnlySteps(DestinationOnlyStepsMode.Keep);
        var left = details.FirstOrDefault(d => d.Action == ChangeAction.Leave && d.Rule != keep);
        var action = differs ? ChangeAction.Update : left is not null ? ChangeAction.Leave : ChangeAction.None;
        var change = new Change
        {
            Kind = context.RunbookName is null ? ResourceKind.DeploymentProcess : ResourceKind.RunbookProcess,
            Key = context.Key,
            Action = action,
            Rule = action == ChangeAction.Leave ? left!.Rule : RuleText.Default,
            Reason = Summary(details, action),
            DestinationId = context.DestinationId,
            Owner = context.ProjectName,
            Before = context.Destination,
            After = action == ChangeAction.Update ? after : null,
            Details = details,
            StateUpdates = [.. outcomes.SelectMany(o => o.State)],
        };

        // A process that writes keeps its new document compressed; one that writes nothing holds none, the snapshot has it
        // (issue #10: Change.KeepsAfterCompact, Change.ReadsSnapshot).
        var snapshot = t.Destination.Snapshot;
        return action == ChangeAction.Update ? change.KeepsAfterCompact()
            : change.ReadsSnapshot(context.RunbookName is null ? snapshot.DeploymentProcesses : snapshot.RunbookProcesses, context.DestinationId, afterToo: false);
    }

    private static string Summary(IReadOnlyList<ChangeDetail> details, ChangeAction action)
    {
        var steps = details.Where(d => !d.Item.Contains(" / ", StringComparison.Ordinal)).ToList();
        var counts = steps.GroupBy(d => d.Action).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var head = action switch
        {
            ChangeAction.Update => "Steps change",
            ChangeAction.Leave => "Differs from the source, left as it is",
            _ => "Matches the source",
        };
        return steps.Count == 0 ? $"{head}: no steps." : $"{head}: {steps.Count} step(s): {string.Join(", ", counts)}.";
    }
}
