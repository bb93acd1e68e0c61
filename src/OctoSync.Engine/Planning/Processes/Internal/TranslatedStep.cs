using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>The verdict on one source action: kept (with its scoping note) or skipped (with the rule that decided).</summary>
internal sealed record ActionVerdict(string Name, string SourceId, bool Kept, string Rule, string Reason);

/// <summary>
/// A source step translated for the destination, before it is matched with the destination's step:
/// <see cref="Planned"/> holds the kept actions only, with every id rewritten; null when every action is skipped.
/// </summary>
internal sealed record TranslatedStep(string Name, JsonObject? Planned, IReadOnlyList<ActionVerdict> Actions)
{
    public bool Skipped => Planned is null;

    /// <summary>The rule and reason shown for the step: the first action's non-default decision, if any.</summary>
    public ActionVerdict Headline =>
        Actions.FirstOrDefault(a => !a.Kept && Skipped)
        ?? Actions.FirstOrDefault(a => a.Kept && a.Rule != RuleText.Default)
        ?? new ActionVerdict(Name, "", true, RuleText.Default, "");
}
