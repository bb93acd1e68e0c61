using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.ProjectGroups;

/// <summary>Project groups: matched by name; the description is managed (legacy environment lists are not).</summary>
public static class ProjectGroupPlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.ProjectGroup)
    {
        Unmanaged = ["EnvironmentIds", "RetentionPolicyId"],
    };

    public static void Plan(PlanningSession session) =>
        NamedObjectPlanner.PlanAll(session, Profile, session.Source.ProjectGroups, session.Input.Select.ProjectGroups);
}
