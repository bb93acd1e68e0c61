using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Lifecycles;

/// <summary>
/// Which destination lifecycle a project or channel gets (spec §5.2): <c>lifecycleMap[source]</c>, else the
/// destination lifecycle of the same name (or the one this plan syncs), else — for projects — the destination's
/// default lifecycle ("Default Lifecycle", or the first one).
/// </summary>
public static class LifecycleResolver
{
    public const string DefaultLifecycleName = "Default Lifecycle";

    /// <summary>The destination id (or token) and the rule that chose it; Id null when none is available.</summary>
    public static (string? Id, string Rule, string Name) Resolve(PlanningSession session, string sourceLifecycleId, SyncRules rules)
    {
        var translator = session.Translator;
        var name = translator.SourceKeyOf(sourceLifecycleId) ?? sourceLifecycleId;
        if (rules.LifecycleMap.TryGetValue(name, out var mapped))
        {
            var mappedId = translator.Destination.IdOf(ResourceKind.Lifecycle, mapped);
            return (mappedId, $"rules.lifecycleMap: {name}: {mapped}", mapped);
        }

        var id = translator.TranslateKey(ResourceKind.Lifecycle, name);
        var rule = id is not null && ReferenceToken.IsToken(id) ? "rules.lifecycles: sync" : "same name";
        return (id, id is null ? $"rules.lifecycles: {Word(rules.Lifecycles)}" : rule, translator.DestinationKeyFor(ResourceKind.Lifecycle, name));
    }

    /// <summary>The destination's default lifecycle: the one named "Default Lifecycle", else the first.</summary>
    public static (string Id, string Name)? DefaultLifecycle(PlanningSession session)
    {
        var lifecycles = session.Destination.Lifecycles;
        var chosen = lifecycles.FirstOrDefault(l => string.Equals(l.Name(), DefaultLifecycleName, StringComparison.OrdinalIgnoreCase))
            ?? lifecycles.FirstOrDefault();
        return chosen is null ? null : (chosen.Id(), chosen.Name());
    }

    public static string Word(LifecyclesMode mode) => mode == LifecyclesMode.Sync ? "sync" : "skip";
}
