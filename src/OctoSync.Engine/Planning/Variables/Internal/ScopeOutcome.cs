namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>The result of translating one source value's scope to the destination (step 1 of the variable rules).</summary>
internal sealed record ScopeOutcome
{
    /// <summary>The translated scope: destination ids (or tokens) and portable strings.</summary>
    public required VariableScope Scope { get; init; }

    /// <summary>Set when a dimension's rule leaves the value out; <see cref="SkipReason"/> says why.</summary>
    public string? SkipRule { get; init; }

    public string? SkipReason { get; init; }

    /// <summary>The value was scoped to environments and none of them is on the destination
    /// (<c>whenNoEnvironmentLeft</c> decides; <see cref="Scope"/> then has no Environment dimension).</summary>
    public bool NoEnvironmentLeft { get; init; }

    /// <summary>Source names of the environments that did not reach the destination.</summary>
    public IReadOnlyList<string> MissingEnvironments { get; init; } = [];

    /// <summary>Set (to the rule) when a dimension the value is scoped in uses <c>new-only</c>: an existing destination value is left as it is.</summary>
    public string? NewOnlyRule { get; init; }

    /// <summary>How rules narrowed the scope: (rule, note) per dimension that lost items.</summary>
    public IReadOnlyList<(string Rule, string Note)> Notes { get; init; } = [];

    /// <summary>Scope dimensions OctoSync does not translate (internal Octopus dimensions); they are dropped.</summary>
    public IReadOnlyList<string> UnknownDimensions { get; init; } = [];

    public bool IsSkipped => SkipRule is not null;
}
