using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes;

/// <summary>
/// Decides every step of one deployment or runbook process (spec §5.4, §6). Pure: no I/O.
/// STUB until the process planner lands: it plans nothing.
/// </summary>
public static class ProcessPlanner
{
    public static ProcessPlan Plan(ProcessPlanningContext context)
    {
        var change = new Change
        {
            Kind = context.RunbookName is null ? ResourceKind.DeploymentProcess : ResourceKind.RunbookProcess,
            Key = context.Key,
            Action = ChangeAction.None,
            Rule = "default",
            Reason = "Processes are not planned yet.",
            DestinationId = context.DestinationId,
            Owner = context.ProjectName,
            Before = context.Destination,
        };
        return new ProcessPlan(change, [], []);
    }
}
