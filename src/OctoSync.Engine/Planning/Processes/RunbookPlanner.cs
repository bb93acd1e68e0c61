namespace OctoSync.Engine.Planning.Processes;

/// <summary>
/// Decides the runbooks of one project and their processes (spec §5.4: runbooks whose environment scope maps
/// to nothing follow the step rules). Pure: no I/O.
/// STUB until the process planner lands: it plans nothing.
/// </summary>
public static class RunbookPlanner
{
    public static RunbookPlan Plan(RunbookPlanningContext context) => new([], [], []);
}
