using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Shortcuts for planner tests: an input from two builders, and finding changes in a plan.</summary>
public static class PlanningFixture
{
    public static PlanningInput Input(SnapshotBuilder source, SnapshotBuilder destination, SyncRules? rules = null,
        Dictionary<string, string>? environments = null, Selection? select = null, SyncState? state = null) => new()
        {
            DestinationName = "prod",
            Source = source.Build(),
            Destination = destination.Build(),
            EnvironmentMap = environments ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Rules = new RuleSet { Default = rules ?? new SyncRules() },
            Select = select ?? new Selection(),
            State = state,
        };

    public static Plan Plan(SnapshotBuilder source, SnapshotBuilder destination, SyncRules? rules = null,
        Dictionary<string, string>? environments = null, Selection? select = null) =>
        SyncPlanner.Plan(Input(source, destination, rules, environments, select));

    public static Change Single(this Plan plan, ResourceKind kind, string key) =>
        Assert.Single(plan.Changes, c => c.Kind == kind && c.Key == key);

    public static Change? Find(this Plan plan, ResourceKind kind, string key) =>
        plan.Changes.SingleOrDefault(c => c.Kind == kind && c.Key == key);

    /// <summary>The Dev/Test source of the seed: environments, lifecycles, the OctoFx project.</summary>
    public static SnapshotBuilder DevTest() => new SnapshotBuilder("Spaces-1")
        .Environment("Development").Environment("Test").Environment("Staging").Environment("Production");

    /// <summary>A "Production only" destination.</summary>
    public static SnapshotBuilder ProductionOnly() => new SnapshotBuilder("Spaces-2").Environment("Production");
}
