namespace OctoSync.Engine.Planning;

/// <summary>
/// What a change does to the destination. The applier switches on this alone;
/// only <see cref="Create"/>, <see cref="Update"/> and <see cref="Delete"/> write anything.
/// </summary>
public enum ChangeAction
{
    /// <summary>The destination already matches: nothing to write.</summary>
    None,
    /// <summary>POST a new resource.</summary>
    Create,
    /// <summary>PUT the resource (for processes and variable sets: the whole document).</summary>
    Update,
    /// <summary>DELETE the resource. Only ever planned when a rule asks for it.</summary>
    Delete,
    /// <summary>Not synced to this destination because a rule says so (e.g. scoped only to excluded environments).</summary>
    Skip,
    /// <summary>Differs from the source but left alone on purpose (drift, <c>overwrite: never</c>, not written by OctoSync, deleted on the destination).</summary>
    Leave,
}
