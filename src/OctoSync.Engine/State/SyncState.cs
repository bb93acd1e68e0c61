using System.Text.Json.Serialization;

namespace OctoSync.Engine.State;

/// <summary>
/// What OctoSync last wrote to one destination: the "base" of the three-way decision (spec §6).
/// Keys are portable names, never ids alone. A missing state means "nothing written by OctoSync yet".
/// </summary>
public sealed record SyncState
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Identifies the file as an OctoSync state file of this format.</summary>
    public string Format { get; init; } = "octosync-state";
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The destination label it belongs to (a state of another destination is refused).</summary>
    public required string Destination { get; init; }

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

/// <summary>The fingerprint of what OctoSync wrote for one object or step (managed fields, ids replaced by names).</summary>
public sealed record ObjectState(string Fingerprint, string? DestinationId = null);

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
public sealed record VariableValueState(
    string? SourceId,
    string SourceFingerprint,
    string? DestinationId,
    string WrittenFingerprint,
    bool IsPlaceholder,
    string PortableScope);

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
