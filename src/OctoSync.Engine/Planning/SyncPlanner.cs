using OctoSync.Engine.Planning.Accounts;
using OctoSync.Engine.Planning.Environments;
using OctoSync.Engine.Planning.Feeds;
using OctoSync.Engine.Planning.LibraryVariableSets;
using OctoSync.Engine.Planning.Lifecycles;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ProjectGroups;
using OctoSync.Engine.Planning.Projects;
using OctoSync.Engine.Planning.ScriptModules;
using OctoSync.Engine.Planning.StepTemplates;
using OctoSync.Engine.Planning.TagSets;
using OctoSync.Engine.Planning.Tenants;
using OctoSync.Engine.Planning.TenantVariables;
using OctoSync.Engine.Planning.WorkerPools;

namespace OctoSync.Engine.Planning;

/// <summary>
/// The plan for one destination: a pure function of source, destination, rules and state (no I/O, clock or
/// randomness; the same input gives the same plan). Kind planners run in the dependency order of spec §4, each
/// teaching the translator what it decided, so <see cref="Plan.Changes"/> is in the order the applier writes.
/// </summary>
public static class SyncPlanner
{
    public static Plan Plan(PlanningInput input)
    {
        var session = new PlanningSession(input);
        EnvironmentMapper.Plan(session);
        TagSetPlanner.Plan(session);
        ProjectGroupPlanner.Plan(session);
        FeedPlanner.Plan(session);
        WorkerPoolPlanner.Plan(session);
        AccountPlanner.Plan(session);
        StepTemplatePlanner.Plan(session);
        ScriptModulePlanner.Plan(session);
        LibraryVariableSetPlanner.Plan(session);
        LifecyclePlanner.Plan(session);
        ProjectPlanner.Plan(session);
        TenantPlanner.Plan(session);
        TenantVariablePlanner.Plan(session);
        GoneObjects.Plan(session);
        return session.ToPlan();
    }
}
