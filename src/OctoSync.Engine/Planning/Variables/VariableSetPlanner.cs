using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Variables;

/// <summary>
/// Decides every value of one variable set (spec §5.5 and §6). Pure: no I/O.
/// STUB until the variables planner lands: it plans nothing.
/// </summary>
public static class VariableSetPlanner
{
    public static VariableSetPlan Plan(VariableSetPlanningContext context)
    {
        var change = new Change
        {
            Kind = ResourceKind.VariableSet,
            Key = context.Key,
            Action = ChangeAction.None,
            Rule = "default",
            Reason = "Variables are not planned yet.",
            DestinationId = context.DestinationId,
            Owner = context.OwnerName,
            Before = context.Destination,
        };
        return new VariableSetPlan(change, [], [], new HashSet<string>(StringComparer.OrdinalIgnoreCase));
    }
}
