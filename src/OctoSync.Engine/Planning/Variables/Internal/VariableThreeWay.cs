using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>Where the destination value stands relative to what OctoSync wrote last time.</summary>
internal enum DestinationSide
{
    /// <summary>As OctoSync wrote it.</summary>
    Unchanged,
    /// <summary>A person changed it since (drift).</summary>
    Edited,
    /// <summary>A person deleted it since.</summary>
    Deleted,
    /// <summary>There is a value in the same slot (name and scope) that OctoSync never wrote, and it differs.</summary>
    NotWrittenByOctoSync,
}

/// <summary>The cells of the recurring-sync table (spec §6) for one variable value.</summary>
internal static class VariableThreeWay
{
    /// <returns>The action and whether it is a drift (a person changed what OctoSync wrote).</returns>
    public static (ChangeAction Action, bool IsDrift) Cell(OverwriteMode overwrite, DestinationSide side, bool sourceChanged) => side switch
    {
        DestinationSide.Unchanged when !sourceChanged => (ChangeAction.None, false),
        DestinationSide.Unchanged => (overwrite == OverwriteMode.Never ? ChangeAction.Leave : ChangeAction.Update, false),
        DestinationSide.Edited => overwrite == OverwriteMode.Always ? (ChangeAction.Update, true) : (ChangeAction.Leave, true),
        DestinationSide.Deleted => overwrite == OverwriteMode.Always ? (ChangeAction.Create, true) : (ChangeAction.Leave, true),
        _ => (overwrite == OverwriteMode.Always ? ChangeAction.Update : ChangeAction.Leave, false),
    };
}
