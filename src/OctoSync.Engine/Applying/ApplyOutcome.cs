namespace OctoSync.Engine.Applying;

/// <summary>What happened to one planned change when the plan was applied.</summary>
public enum ApplyOutcome
{
    /// <summary>The change was written (POST, PUT or DELETE answered with success).</summary>
    Applied,
    /// <summary>The destination refused the write, or a reference could not be resolved; the message says why.</summary>
    Failed,
    /// <summary>Not attempted: the change needs the id of an object whose creation failed earlier in this apply.</summary>
    SkippedBecauseDependencyFailed,
    /// <summary>The process or variable set moved on the destination since it was read (its <c>Version</c> changed):
    /// nothing was written; the caller re-reads and re-plans.</summary>
    Conflict,
    /// <summary>None, Skip or Leave: there is nothing to write.</summary>
    NothingToDo,
    /// <summary>Not attempted: the apply was interrupted (Ctrl+C, SIGTERM) before this change started.</summary>
    NotStarted,
}
