using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.ThreeWay;

/// <summary>The decision of <see cref="ThreeWayDecision.Decide"/> for one item.</summary>
/// <param name="Action">Create, Update, None or Leave.</param>
/// <param name="Rule">The config key that decided (<c>rules.variables.overwrite: …</c>) or <c>default</c>.</param>
/// <param name="Reason">One sentence for a person.</param>
/// <param name="IsDrift">True when the destination was edited since OctoSync last wrote it.</param>
/// <param name="StateFingerprint">What the state should hold once the change is applied: the desired fingerprint when
/// it is written (or already matches), the old base when the item is left alone (so drift stays drift), null for
/// nothing to record (an object OctoSync never wrote and leaves alone).</param>
public sealed record ThreeWayOutcome(ChangeAction Action, string Rule, string Reason, bool IsDrift, string? StateFingerprint)
{
    /// <summary>The state updates for an object with this outcome.</summary>
    /// <param name="sourceId">The source object's Id and <paramref name="sourceName"/> the name it has: its identity.</param>
    /// <param name="fields">The managed fields the fingerprint covers, so the object can be fingerprinted once its source is gone.</param>
    public IReadOnlyList<StateUpdate> StateUpdates(ResourceKind kind, string key, string? destinationId = null,
        string? sourceId = null, string? sourceName = null, IReadOnlyList<string>? fields = null) =>
        StateFingerprint is null
            ? []
            : [new StateUpdate.SetObject(ThreeWayDecision.StateKey(kind, key), new ObjectState(StateFingerprint, destinationId, sourceId, sourceName, fields))];
}
