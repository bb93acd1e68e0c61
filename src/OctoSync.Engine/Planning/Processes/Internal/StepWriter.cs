using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Builds the step document to write. A new step is the translated source without Ids (the server assigns them).
/// A matched step is the destination's step with the source's fields laid over it: step, action and package Ids
/// stay (so variable Action scopes and secrets survive) and so do fields OctoSync does not model.
/// </summary>
internal sealed class StepWriter(string placeholder, DestinationOnlyStepsMode destinationOnly, string subject)
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "Id", "Slug", "Links", "Actions", "Packages" };

    public List<CleanupItem> Cleanup { get; } = [];
    public List<ChangeDetail> Details { get; } = [];

    public JsonObject New(JsonObject planned)
    {
        var step = planned.Clone();
        step.Remove("Id");
        step.Remove("Links");
        SensitiveProperties.Resolve(step.Obj("Properties"), null, placeholder, subject, Cleanup);
        step["Actions"] = new JsonArray([.. planned.Arr("Actions").Objects().Select(a => (JsonNode)NewAction(a))]);
        return step;
    }

    /// <param name="sourceActionNames">Every action of the source step, kept or skipped: a destination action named like a
    /// skipped one is the destination's own version of it and is kept, like a step (see docs/rules-steps.md).</param>
    /// <param name="renamed">The step was renamed on the source and is updated in place: source actions that match no
    /// destination action by name take the unmatched destination actions in order (a one-action step's action is named
    /// like the step), so their Ids — and the variable values scoped to them — survive.</param>
    public JsonObject Overlay(JsonObject destination, JsonObject planned, IEnumerable<string> sourceActionNames, bool renamed = false)
    {
        var step = DocumentOverlay.Of(destination, planned, Kept);
        SensitiveProperties.Resolve(step.Obj("Properties"), destination.Obj("Properties"), placeholder, subject, Cleanup);
        var destinationActions = destination.Arr("Actions").Objects().ToList();
        var plannedActions = planned.Arr("Actions").Objects().ToList();
        var pairs = plannedActions.Select(a => destinationActions.FirstOrDefault(d => Same(d, a))).ToList();
        if (renamed)
        {
            var free = new Queue<JsonObject>(destinationActions.Where(d => !pairs.Contains(d) && !plannedActions.Any(a => Same(a, d))));
            for (var i = 0; i < pairs.Count && free.Count > 0; i++)
            {
                pairs[i] ??= free.Dequeue();
            }
        }

        var written = plannedActions.Select((a, i) => (a.Name(), pairs[i] is { } existing ? OverlayAction(existing, a) : NewAction(a))).ToList();
        var own = destinationActions.Where(d => !pairs.Contains(d) && !written.Any(w => string.Equals(w.Item1, d.Name(), StringComparison.OrdinalIgnoreCase))).ToList();
        if (destinationOnly == DestinationOnlyStepsMode.Remove)
        {
            var skipped = new HashSet<string>(sourceActionNames, StringComparer.OrdinalIgnoreCase);
            var removed = own.Where(d => !skipped.Contains(d.Name())).ToList();
            own = [.. own.Except(removed)];
            Details.AddRange(removed.Select(d => new ChangeDetail($"step \"{planned.Name()}\" / action \"{d.Name()}\"", ChangeAction.Delete,
                RuleText.DestinationOnlySteps(destinationOnly), "Exists only on the destination; removed.")));
        }

        var kept = own.ToDictionary(d => d.Name(), d => d.Clone(), StringComparer.OrdinalIgnoreCase);
        step["Actions"] = new JsonArray([.. OrderMerge.Merge(written, destinationActions.Select(d => d.Name()), kept)]);
        return step;
    }

    private JsonObject NewAction(JsonObject planned)
    {
        var action = planned.Clone();
        action.Remove("Id");
        action.Remove("Links");
        foreach (var package in action.Arr("Packages").Objects())
        {
            package.Remove("Id");
        }

        SensitiveProperties.Resolve(action.Obj("Properties"), null, placeholder, $"{subject} / action \"{planned.Name()}\"", Cleanup);
        return action;
    }

    private JsonObject OverlayAction(JsonObject destination, JsonObject planned)
    {
        var action = DocumentOverlay.Of(destination, planned, Kept);
        var destinationPackages = destination.Arr("Packages").Objects().ToList();
        var packages = new JsonArray();
        foreach (var package in planned.Arr("Packages").Objects())
        {
            // Package references are matched by name ("" = the primary package); their Ids are kept.
            var written = package.Clone();
            var existing = destinationPackages.FirstOrDefault(d => (d.Str("Name") ?? "") == (package.Str("Name") ?? ""));
            written.Remove("Id");
            if (existing?.Str("Id") is { } id)
            {
                written["Id"] = id;
            }

            packages.Add(written);
        }

        if (planned.ContainsKey("Packages"))
        {
            action["Packages"] = packages;
        }

        SensitiveProperties.Resolve(action.Obj("Properties"), destination.Obj("Properties"), placeholder, $"{subject} / action \"{planned.Name()}\"", Cleanup);
        return action;
    }

    private static bool Same(JsonObject a, JsonObject b) => string.Equals(a.Name(), b.Name(), StringComparison.OrdinalIgnoreCase);
}
