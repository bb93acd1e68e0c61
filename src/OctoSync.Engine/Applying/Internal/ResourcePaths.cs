using OctoSync.Engine.Model;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>Where each kind of resource lives in the space API (paths relative to <c>/api/{spaceId}/</c>).</summary>
internal static class ResourcePaths
{
    public static string Collection(ResourceKind kind) => kind switch
    {
        ResourceKind.Environment => "environments",
        ResourceKind.Lifecycle => "lifecycles",
        ResourceKind.ProjectGroup => "projectgroups",
        ResourceKind.Project => "projects",
        ResourceKind.Channel => "channels",
        ResourceKind.DeploymentProcess => "deploymentprocesses",
        ResourceKind.Runbook => "runbooks",
        // The casing Octopus itself uses in its link templates.
        ResourceKind.RunbookProcess => "runbookProcesses",
        ResourceKind.VariableSet => "variables",
        ResourceKind.LibraryVariableSet or ResourceKind.ScriptModule => "libraryvariablesets",
        ResourceKind.Tenant => "tenants",
        ResourceKind.TagSet => "tagsets",
        ResourceKind.Account => "accounts",
        ResourceKind.Certificate => "certificates",
        ResourceKind.WorkerPool => "workerpools",
        ResourceKind.Feed => "feeds",
        ResourceKind.ActionTemplate => "actiontemplates",
        ResourceKind.Machine => "machines",
        ResourceKind.MachinePolicy => "machinepolicies",
        ResourceKind.Worker => "workers",
        _ => throw new NotSupportedException($"OctoSync does not write {kind} resources."),
    };

    public static string Document(ResourceKind kind, string id) => $"{Collection(kind)}/{Uri.EscapeDataString(id)}";

    /// <summary>Processes and variable sets carry a <c>Version</c> that a PUT must echo (optimistic concurrency).</summary>
    public static bool IsVersioned(ResourceKind kind) =>
        kind is ResourceKind.DeploymentProcess or ResourceKind.RunbookProcess or ResourceKind.VariableSet;

    public static bool IsProcess(ResourceKind kind) => kind is ResourceKind.DeploymentProcess or ResourceKind.RunbookProcess;
}
