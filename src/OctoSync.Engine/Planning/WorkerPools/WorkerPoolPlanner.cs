using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.WorkerPools;

/// <summary>
/// Worker pools: static ones by name (created empty: workers belong to each instance). Dynamic pools are
/// instance-specific: used by name when the destination has one, otherwise skipped. The source's default pool
/// stands for the destination's default pool when the destination has no pool of that name.
/// </summary>
public static class WorkerPoolPlanner
{
    public const string DynamicRule = "default";

    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.WorkerPool)
    {
        Unmanaged = ["IsDefault", "SortOrder", "CanAddWorkers"],
        ServerFields = ["CanAddWorkers", "SortOrder"],
        CreateOnly = new JsonObject { ["IsDefault"] = false },
    };

    public static void Plan(PlanningSession session)
    {
        var translator = session.Translator;
        foreach (var pool in PlanningSession.Ordered(session.Source.WorkerPools).Where(p => session.Input.Select.WorkerPools.Matches(p.Name())))
        {
            var name = pool.Name();
            var onDestination = translator.Destination.IdOf(ResourceKind.WorkerPool, name) is not null;
            if (pool.Bool("IsDefault") && !onDestination && session.Destination.WorkerPools.FirstOrDefault(p => p.Bool("IsDefault")) is { } defaultPool)
            {
                translator.Map(ResourceKind.WorkerPool, name, defaultPool.Name());
                continue;
            }

            if (pool.Str("WorkerPoolType") == "DynamicWorkerPool")
            {
                if (!onDestination)
                {
                    translator.Exclude(ResourceKind.WorkerPool, name);
                    session.Skip(ResourceKind.WorkerPool, name, DynamicRule, "A dynamic worker pool belongs to each instance and the destination has none of this name; steps that use it follow their own rules.", severity: Severity.Warning);
                }

                continue;
            }

            NamedObjectPlanner.PlanOne(session, Profile, pool, session.Rules);
        }
    }
}
