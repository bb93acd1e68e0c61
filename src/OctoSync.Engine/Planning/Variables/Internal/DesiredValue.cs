using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>A value the rules want on the destination, in destination terms, before the three-way decision.</summary>
internal sealed record DesiredValue
{
    /// <summary>The value to hold; a sensitive value's <c>Value</c> is null (unreadable on the source).</summary>
    public required VariableValue Value { get; init; }

    /// <summary>The JSON a new destination value starts from (the source value, so unmodelled fields survive).</summary>
    public required JsonObject Template { get; init; }

    /// <summary>The source value's Id; null for a placeholder that stands for several source values.</summary>
    public string? SourceId { get; init; }

    public bool IsPlaceholder { get; init; }

    /// <summary>Set (to the rule) under <c>new-only</c>: created when new, never changed once it exists on the destination.</summary>
    public string? NewOnlyRule { get; init; }

    /// <summary>The rule that shaped the value (<c>default</c> when copied as is) and how.</summary>
    public string Rule { get; init; } = VariableRuleText.Default;

    public string? Note { get; init; }
}
