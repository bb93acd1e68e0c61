using System.Text.Json.Serialization;

namespace OctoSync.Engine.State;

/// <summary>
/// What OctoSync last wrote to one destination: the "base" of the three-way decision (spec §6).
/// Keys are portable names, never ids alone. A missing state means "nothing written by OctoSync yet".
/// </summary>
public sealed record SyncState
{
    /// <summary>2: objects and steps carry their source identity (<see cref="ObjectState.SourceId"/>, <see cref="ObjectState.SourceName"/>)
    /// and values the fingerprint of their text; version 1 files are read and migrated (the new fields start empty).</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>Every format version this OctoSync reads (older ones are migrated on load).</summary>
    public static readonly IReadOnlyList<int> ReadableFormatVersions = [1, 2];

    /// <summary>Identifies the file as an OctoSync state file of this format.</summary>
    public string Format { get; init; } = "octosync-state";
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The destination label it belongs to (a state of another destination is refused).</summary>
    public required string Destination { get; init; }

    /// <summary>
    /// The instance this state was written for (URL, space id, installation id); null in a state written before
    /// OctoSync recorded it. A run against another instance stops (<c>Sync/StateBinding</c>).
    /// </summary>
    public StateInstance? Instance { get; init; }

    /// <summary>
    /// Counts the saves and journaled writes that produced this state (0 = nothing written yet). A saved plan records
    /// the serial it was planned from; applying it when the serial moved is refused as a stale plan.
    /// </summary>
    public long Serial { get; init; }

    /// <summary>Objects and steps: key <c>{Kind}:{Key}</c> (e.g. <c>Project:OctoFx</c>, <c>Step:OctoFx/Deploy web</c>).</summary>
    public IReadOnlyDictionary<string, ObjectState> Objects { get; init; } = new Dictionary<string, ObjectState>(StringComparer.Ordinal);

    /// <summary>Variable values: key <c>{VariableSetKey}/{VariableName}</c> (e.g. <c>Project:OctoFx/ConnectionString</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VariableValueState>> Variables { get; init; } =
        new Dictionary<string, IReadOnlyList<VariableValueState>>(StringComparer.Ordinal);

    public static SyncState Empty(string destination) => new() { Destination = destination };

    /// <summary>A new state with these updates applied (later updates win).</summary>
    public SyncState With(IEnumerable<StateUpdate> updates)
    {
        var objects = new Dictionary<string, ObjectState>(Objects, StringComparer.Ordinal);
        var variables = new Dictionary<string, IReadOnlyList<VariableValueState>>(Variables, StringComparer.Ordinal);
        foreach (var u in updates)
        {
            switch (u)
            {
                case StateUpdate.SetObject s: objects[s.Key] = s.State; break;
                case StateUpdate.RemoveObject r: objects.Remove(r.Key); break;
                case StateUpdate.SetVariable v:
                    if (v.Values.Count == 0)
                    {
                        variables.Remove(v.Key);
                    }
                    else
                    {
                        variables[v.Key] = v.Values;
                    }

                    break;
            }
        }

        return this with { Objects = objects, Variables = variables };
    }
}

/// <summary>
/// What OctoSync owns on the destination for one object or element (project, channel, runbook, step, …): the fingerprint
/// of what it wrote (managed fields, ids replaced by names) and the source identity it came from, so a source rename
/// is followed (same source id, new name) and a source deletion is recognised (no source object has that id any more).
/// </summary>
/// <param name="Fingerprint">Fingerprint of what was written (or adopted).</param>
/// <param name="DestinationId">The destination object's id when it was written.</param>
/// <param name="SourceId">The source object's id (null in state files of format version 1).</param>
/// <param name="SourceName">The name the source object had when it was written (null in version 1 files).</param>
/// <param name="Fields">For a step: the managed fields the fingerprint covers (top-level names, then <c>Actions.</c> names), so
/// a step whose source is gone is fingerprinted on the destination exactly as it was written. Null for other kinds.</param>
public sealed record ObjectState(string Fingerprint, string? DestinationId = null, string? SourceId = null, string? SourceName = null,
    IReadOnlyList<string>? Fields = null)
{
    // Records compare lists by reference; state entries are compared by content (tests, "unchanged" checks).
    public bool Equals(ObjectState? other) =>
        other is not null && Fingerprint == other.Fingerprint && DestinationId == other.DestinationId && SourceId == other.SourceId
        && SourceName == other.SourceName && (Fields ?? []).SequenceEqual(other.Fields ?? []);

    public override int GetHashCode() => HashCode.Combine(Fingerprint, DestinationId, SourceId, SourceName);
}

/// <summary>
/// One value of a variable as OctoSync wrote it. Source and destination variable ids are kept as matching
/// hints (they are stable GUIDs within one instance); the fingerprints are what the decision rests on.
/// </summary>
/// <param name="SourceId">The source variable value's Id (null for a placeholder that stands for several source values).</param>
/// <param name="SourceFingerprint">Fingerprint of the source value as translated for this destination.</param>
/// <param name="DestinationId">The destination variable value's Id written.</param>
/// <param name="WrittenFingerprint">Fingerprint of the destination value as written (name, value, type, scope by names).</param>
/// <param name="IsPlaceholder">True when the value written was the placeholder.</param>
/// <param name="PortableScope">The portable part of the scope (Role, TenantTag, ProcessOwner, Channel, Action by name), for matching.</param>
/// <param name="TextFingerprint">Fingerprint of the value text written (null for a sensitive value, and in version 1 files):
/// a source rewritten with new ids is matched to what OctoSync wrote by name and text when only the scope changed.</param>
/// <param name="ScopeKey">The whole scope as written, by names (null in version 1 files): matched by name and scope when
/// only the text changed.</param>
public sealed record VariableValueState(
    string? SourceId,
    string SourceFingerprint,
    string? DestinationId,
    string WrittenFingerprint,
    bool IsPlaceholder,
    string PortableScope,
    string? TextFingerprint = null,
    string? ScopeKey = null);

/// <summary>A change to the state, carried by a plan's change and recorded once that change succeeded.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$update")]
[JsonDerivedType(typeof(SetObject), "setObject")]
[JsonDerivedType(typeof(RemoveObject), "removeObject")]
[JsonDerivedType(typeof(SetVariable), "setVariable")]
public abstract record StateUpdate
{
    public sealed record SetObject(string Key, ObjectState State) : StateUpdate;
    public sealed record RemoveObject(string Key) : StateUpdate;
    /// <summary>Replaces every recorded value of one variable name (an empty list removes it).</summary>
    public sealed record SetVariable(string Key, IReadOnlyList<VariableValueState> Values) : StateUpdate;
}
