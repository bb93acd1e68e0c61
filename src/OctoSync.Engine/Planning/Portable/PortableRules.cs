using System.Text.Json.Nodes;

namespace OctoSync.Engine.Planning.Portable;

/// <summary>
/// What one planner's portable form does at each point of the walk in <see cref="PortableJson"/>. The planners
/// differ on purpose (and their fingerprints are persisted in state files, so none of these choices may change):
/// objects drop nested ids, translate id-named properties and sort string lists; processes drop server fields at
/// every depth and keep list order (step and action order matter).
/// </summary>
internal sealed record PortableRules
{
    /// <summary>The portable text of a string value (an id or token becomes its key), or null to keep it as it is.</summary>
    public required Func<string, string?> KeyOf { get; init; }

    /// <summary>The reduced form of a write-only value (just whether it is set), or null when the object is not one.</summary>
    public required Func<JsonObject, JsonObject?> Sensitive { get; init; }

    /// <summary>Whether a field is kept at a depth (0: the document itself); server-assigned fields are not.</summary>
    public required Func<string, int, bool> KeepsField { get; init; }

    /// <summary>Whether property names go through <see cref="KeyOf"/> too (a tenant's ProjectEnvironments are keyed by id).</summary>
    public bool TranslatesFieldNames { get; init; }

    /// <summary>Whether lists of plain strings are sorted (ordinal), for lists Octopus keeps as sets.</summary>
    public bool SortsStringLists { get; init; }
}
