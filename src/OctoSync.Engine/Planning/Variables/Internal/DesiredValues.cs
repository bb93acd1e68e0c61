namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>What the rules make of a source variable set: the values wanted on the destination and those left out.</summary>
internal sealed record DesiredValues(
    IReadOnlyList<DesiredValue> Values,
    IReadOnlyList<(string Name, ChangeDetail Detail)> Skipped,
    IReadOnlyList<Diagnostic> Diagnostics);
