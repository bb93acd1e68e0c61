using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Snapshot;
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
    /// <remarks>A process or variable set that writes nothing does not hold it: <see cref="ReadsSnapshot"/> reads the
    /// snapshot's own document again when it is asked for (issue #10: the plan held every destination process and
    /// variable set as a tree, so the snapshot's compact form saved nothing). Setting it clears that.</remarks>
    public JsonObject? Before
    {
        get => _before ?? _read?.Invoke();
        init
        {
            _before = value;
            _read = null;
        }
    }

    /// <summary>The whole document to write (Create/Update). May contain <see cref="ReferenceToken"/>s for objects
    /// this plan creates earlier; the applier replaces them with real ids. For a variable set that writes nothing, the
    /// set as read (<see cref="ReadsSnapshot"/>). Setting it clears that.</summary>
    public JsonObject? After
    {
        get => _after ?? _afterKept?.Document() ?? (_afterIsRead ? Before : null);
        init
        {
            _after = value;
            _afterKept = null;
            _afterIsRead = false;
        }
    }

    /// <summary>
    /// The same change with <see cref="After"/> kept compressed (<see cref="CompactDocument"/>) and parsed again when asked
    /// for: for the largest documents a plan writes — processes and variable sets, nearly all of a first sync's bytes
    /// (issue #10). Nothing changes a plan's documents after planning (writers send copies), so every read is equal.
    /// </summary>
    public Change KeepsAfterCompact()
    {
        if (_after is not { } after)
        {
            return this;
        }

        return new Change(this with { After = null }, _read, afterIsRead: false, CompactDocument.Of(after));
    }

    /// <summary>
    /// For a change that writes nothing: <see cref="Before"/> is read from the snapshot when asked for, and with
    /// <paramref name="afterToo"/> so is <see cref="After"/> (the document as read stands for both). Nothing is held.
    /// Unchanged when <paramref name="documents"/> does not give the very document <see cref="Before"/> is (or, with
    /// <paramref name="afterToo"/>, <see cref="After"/> is another one).
    /// </summary>
    public Change ReadsSnapshot(IReadOnlyDictionary<string, JsonObject> documents, string id, bool afterToo)
    {
        var same = documents.TryGetValue(id, out var read) && ReferenceEquals(read, Before) && (!afterToo || ReferenceEquals(After, Before));
        return same ? new(this with { Before = null, After = null }, () => documents.GetValueOrDefault(id), afterToo, afterKept: null) : this;
    }

    public Change()
    {
    }

    [SetsRequiredMembers]
    private Change(Change cleared, Func<JsonObject?>? read, bool afterIsRead, CompactDocument? afterKept)
        : this(cleared)
    {
        _read = read;
        _afterIsRead = afterIsRead;
        _afterKept = afterKept;
    }

    private readonly JsonObject? _before;
    private readonly JsonObject? _after;
    private readonly CompactDocument? _afterKept;
    private readonly Func<JsonObject?>? _read;
    private readonly bool _afterIsRead;

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
