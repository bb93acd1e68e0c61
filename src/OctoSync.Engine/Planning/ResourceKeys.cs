namespace OctoSync.Engine.Planning;

/// <summary>
/// Portable keys: how an object is named independently of instance ids. Used in plans, in the state file
/// and in <see cref="ReferenceToken"/>s. Names are used as Octopus shows them; a '/' separates levels.
/// </summary>
public static class ResourceKeys
{
    /// <summary>Space-level objects (environments, projects, tenants, feeds, …): the name.</summary>
    public static string Named(string name) => name;

    /// <summary>A channel: <c>Project/Channel</c>.</summary>
    public static string Channel(string project, string channel) => $"{project}/{channel}";

    /// <summary>A runbook (and its process): <c>Project/Runbook</c>.</summary>
    public static string Runbook(string project, string runbook) => $"{project}/{runbook}";

    /// <summary>An action of a project's deployment process: <c>Project/Action</c>.</summary>
    public static string DeploymentAction(string project, string action) => $"{project}/{action}";

    /// <summary>An action of a runbook process: <c>Project/Runbook/Action</c>.</summary>
    public static string RunbookAction(string project, string runbook, string action) => $"{project}/{runbook}/{action}";

    /// <summary>A project's variable set: <c>Project:Name</c>; a library variable set's: <c>LibraryVariableSet:Name</c>.</summary>
    public static string VariableSet(string ownerKind, string ownerName) => $"{ownerKind}:{ownerName}";
}
