using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// A fact that needs the whole planner (<c>SyncPlanner</c>) and the state store: skipped, saying so, until both are
/// in the engine, so that the branch stays green while the parts land.
/// </summary>
public sealed class NeedsPlannerFactAttribute : FactAttribute
{
    public NeedsPlannerFactAttribute()
    {
        if (!PlannerAvailability.Available)
        {
            Skip = PlannerAvailability.Reason;
        }
    }
}

/// <summary>The theory form of <see cref="NeedsPlannerFactAttribute"/>.</summary>
public sealed class NeedsPlannerTheoryAttribute : TheoryAttribute
{
    public NeedsPlannerTheoryAttribute()
    {
        if (!PlannerAvailability.Available)
        {
            Skip = PlannerAvailability.Reason;
        }
    }
}

internal static class PlannerAvailability
{
    public const string Reason = "waiting for SyncPlanner and StateStore on main";

    public static bool Available { get; } =
        typeof(SpaceSnapshot).Assembly.GetType("OctoSync.Engine.Planning.SyncPlanner") is not null
        && typeof(SpaceSnapshot).Assembly.GetType("OctoSync.Engine.State.StateStore") is not null;
}
