namespace OctoSync.Engine.Model;

/// <summary>
/// The kinds of Octopus resources OctoSync reads, plans and writes, named as Octopus names them.
/// <see cref="Action"/> is a step action inside a deployment or runbook process (ids are GUIDs).
/// </summary>
public enum ResourceKind
{
    Space,
    Environment,
    Lifecycle,
    ProjectGroup,
    Project,
    Channel,
    DeploymentProcess,
    Runbook,
    RunbookProcess,
    Action,
    VariableSet,
    LibraryVariableSet,
    ScriptModule,
    Tenant,
    TagSet,
    Account,
    Certificate,
    WorkerPool,
    Feed,
    ActionTemplate,
    Machine,
    MachinePolicy,
    Team,
    Worker,
    /// <summary>A tenant's variable values (project templates per environment, library set templates), written as one document per tenant.</summary>
    TenantVariables,
    /// <summary>A project's deployment settings (<c>/projects/{id}/deploymentsettings</c>, mirrored on the project); the destination id is the project's.</summary>
    DeploymentSettings,
}
