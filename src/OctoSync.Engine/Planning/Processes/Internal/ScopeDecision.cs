namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>What a scoping rule did to an action (or runbook): nothing, skipped it, or changed its scope.</summary>
/// <param name="Rule">The rule that decided (<see cref="RuleText.Default"/> when the scope translated as is).</param>
internal sealed record ScopeDecision(bool Skip, string Rule, string Reason)
{
    public static readonly ScopeDecision Unchanged = new(false, RuleText.Default, "");

    public bool IsDefault => Rule == RuleText.Default;

    /// <summary>Combines two decisions about different dimensions (environments, then channels); a skip wins.</summary>
    public ScopeDecision Then(ScopeDecision next) =>
        Skip || next.IsDefault ? this
        : IsDefault || next.Skip ? next
        : new ScopeDecision(false, Rule, $"{Reason} {next.Reason}");
}
