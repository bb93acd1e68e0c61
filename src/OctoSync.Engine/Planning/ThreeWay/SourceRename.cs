using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.ThreeWay;

/// <summary>
/// Identity across renames (issue #7 item 3): a source object with no destination match of its name that OctoSync wrote
/// before under another name. The state records the source Id it came from and the name it had; when that entry's key is
/// the old name's key and the old name is free (no source object still has it, nothing else claimed it, the destination
/// still has it), the object was renamed on the source and is updated in place — never a create beside a leftover.
/// </summary>
/// <param name="StateKey">The state key OctoSync recorded under the old name (removed once the rename is written).</param>
/// <param name="OldName">The name the object had on the source when OctoSync last wrote it.</param>
public sealed record SourceRename(string StateKey, string OldName)
{
    /// <param name="keyOfName">The portable key of an object of this kind and owner with a given name.</param>
    /// <param name="isFree">True when the old name still names a destination object that no source object claims.</param>
    public static SourceRename? Find(SyncState? state, ResourceKind kind, string? sourceId, Func<string, string> keyOfName, Func<string, bool> isFree)
    {
        var index = StateIndex.Of(state);
        if (sourceId is null || index.KeyOfSource(kind.ToString(), sourceId) is not { } key
            || index.Object(key)?.SourceName is not { } oldName
            || key != ThreeWayDecision.StateKey(kind, keyOfName(oldName))
            || !isFree(oldName))
        {
            return null;
        }

        return new SourceRename(key, oldName);
    }

    /// <summary>The sentence added to the reason of the update that renames.</summary>
    public string Sentence => $" Renamed on the source from \"{OldName}\"; updated in place.";
}
