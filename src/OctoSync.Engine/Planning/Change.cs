using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning;

/// <summary>
/// One decision about one destination object. <see cref="Rule"/> and <see cref="Reason"/> explain it to the
/// user (they use the same words as docs/rules.md) and never drive the applier, which reads only
/// <see cref="Action"/>, <see cref="DestinationId"/> and <see cref="After"/>.
/// </summary>
public sealed record Change
{
    public required ResourceKind Kind { get; init; }

    /// <summary>Portable key, built from names (see <see cref="ResourceKeys"/>), e.g. <c>OctoFx</c> or <c>OctoFx/Dev only</c>.</summary>
    public required string Key { get; init; }

    public required ChangeAction Action { get; init; }

    /// <summary>The rule that decided, as written in the config: e.g. <c>rules.steps.excludedEnvironments: skip</c>,
    /// or <c>default</c> for built-in behaviour (create what is missing, update what differs).</summary>
    public required string Rule { get; init; }

    /// <summary>One sentence for a person.</summary>
    public required string Reason { get; init; }

    /// <summary>The destination id for Update/Delete/None/Leave; null when the object does not exist there yet.</summary>
    public string? DestinationId { get; init; }

    /// <summary>The project (or library variable set) this change belongs to, for grouping; null for space-level objects.</summary>
    public string? Owner { get; init; }

    /// <summary>The destination document as read (Update/Delete/None/Leave).</summary>
    public JsonObject? Before { get; init; }

    /// <summary>The whole document to write (Create/Update). May contain <see cref="ReferenceToken"/>s for objects
    /// this plan creates earlier; the applier replaces them with real ids.</summary>
    public JsonObject? After { get; init; }

    /// <summary>Decisions about parts of the object: steps of a process, values of a variable set, phases, connections.</summary>
    public IReadOnlyList<ChangeDetail> Details { get; init; } = [];

    /// <summary>What to record in the destination's state once this change has been applied (or, for None/Leave, right away).</summary>
    public IReadOnlyList<StateUpdate> StateUpdates { get; init; } = [];

    public bool Writes => Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete;
}

/// <summary>A decision about a part of an object (a step, a variable value, a connection).</summary>
/// <param name="Item">What it is about, e.g. <c>step "Approve release"</c> or <c>ConnectionString = Database=… [Role: SQL-Server]</c>.</param>
/// <param name="IsDrift">True when a person changed this on the destination since OctoSync last wrote it.</param>
public sealed record ChangeDetail(string Item, ChangeAction Action, string Rule, string Reason, bool IsDrift = false);
