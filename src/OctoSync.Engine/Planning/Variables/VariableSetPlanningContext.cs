using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables;

/// <summary>What the variable-set planner needs to decide every value of one variable set.</summary>
public sealed record VariableSetPlanningContext
{
    /// <summary><c>Project</c> or <c>LibraryVariableSet</c>.</summary>
    public required string OwnerKind { get; init; }

    /// <summary>The owning project's or library variable set's name.</summary>
    public required string OwnerName { get; init; }

    /// <summary>The source variable set, as read.</summary>
    public required JsonObject Source { get; init; }

    /// <summary>The destination variable set as read; null when its owner is created by this plan (it starts empty).</summary>
    public JsonObject? Destination { get; init; }

    /// <summary>The destination variable set's id, or the token of the owner's variable set when the owner is created by this plan
    /// (<c>ReferenceToken.For(ResourceKind.VariableSet, key)</c>).</summary>
    public required string DestinationId { get; init; }

    /// <summary>Already taught about environments, channels, actions, runbooks, accounts, certificates and worker pools.</summary>
    public required Translator Translator { get; init; }

    /// <summary>The rules for this owner (a project's rules, or the destination's for library sets).</summary>
    public required SyncRules Rules { get; init; }

    /// <summary>The base of the three-way decision; null when OctoSync never wrote to this destination.</summary>
    public SyncState? State { get; init; }

    /// <summary>Variable names that reach the destination from elsewhere (included library variable sets), for the <c>#{Name}</c> warning.</summary>
    public IReadOnlySet<string> NamesAvailableElsewhere { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets supplied for this destination (their keyed hashes, never values): written where a placeholder would be.</summary>
    public IReadOnlyList<Secrets.SuppliedSecret> Secrets { get; init; } = [];

    /// <summary>Portable key of the set: <c>ResourceKeys.VariableSet(OwnerKind, OwnerName)</c>.</summary>
    public string Key => ResourceKeys.VariableSet(OwnerKind, OwnerName);
}

/// <summary>The decision for one variable set.</summary>
/// <param name="Change">Kind VariableSet; Update (After = whole set to PUT) or None/Leave; Details = one per value.</param>
/// <param name="SyncedNames">Variable names that reach the destination from this set.</param>
public sealed record VariableSetPlan(
    Change Change,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<CleanupItem> Cleanup,
    IReadOnlySet<string> SyncedNames);
