using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>How a kind is named to a person (in the clean-up report), in Octopus's words.</summary>
public static class KindWords
{
    public static string Of(ResourceKind kind) => kind switch
    {
        ResourceKind.ActionTemplate => "step template",
        ResourceKind.LibraryVariableSet => "library variable set",
        ResourceKind.ScriptModule => "script module",
        ResourceKind.TagSet => "tag set",
        ResourceKind.ProjectGroup => "project group",
        ResourceKind.WorkerPool => "worker pool",
        ResourceKind.VariableSet => "variable set",
        ResourceKind.TenantVariables => "tenant variables of",
        ResourceKind.DeploymentSettings => "deployment settings of",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>e.g. <c>account "Azure Dev"</c>.</summary>
    public static string Subject(ResourceKind kind, string key) => $"{Of(kind)} \"{key}\"";
}
