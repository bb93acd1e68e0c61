using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Lifecycles;

/// <summary>
/// Lifecycles (spec §5.2). <c>lifecycleMap</c> entries teach the translator (a mapped lifecycle is never written).
/// <c>skip</c>: nothing is written. <c>sync</c>: each lifecycle is created/updated with its phases translated through
/// the environment mapping; a phase left with no environment is dropped; a lifecycle left with no phase is skipped.
/// </summary>
public static class LifecyclePlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.Lifecycle);

    public static void Plan(PlanningSession session)
    {
        var translator = session.Translator;
        foreach (var (from, to) in session.Rules.LifecycleMap)
        {
            if (translator.Destination.IdOf(ResourceKind.Lifecycle, to) is null)
            {
                session.Diagnostics.Add(new Diagnostic(Severity.Error, $"Lifecycle \"{to}\" (lifecycleMap of \"{from}\") does not exist on the destination.", $"rules.lifecycleMap: {from}: {to}", from));
            }
            else
            {
                translator.Map(ResourceKind.Lifecycle, from, to);
            }
        }

        if (session.Rules.Lifecycles != LifecyclesMode.Sync)
        {
            return;
        }

        foreach (var lifecycle in PlanningSession.Ordered(session.Source.Lifecycles).Where(l => !session.Rules.LifecycleMap.ContainsKey(l.Name())))
        {
            PlanOne(session, lifecycle);
        }
    }

    private static void PlanOne(PlanningSession session, JsonObject lifecycle)
    {
        const string rule = "rules.lifecycles: sync";
        var translated = IdTranslation.TranslateDocument(lifecycle, session.Translator);
        var sourcePhases = lifecycle.Arr("Phases").Objects().ToList();
        var kept = new JsonArray();
        var details = new List<ChangeDetail>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phase, index) in translated.Arr("Phases").Objects().Select((p, i) => (p, i)))
        {
            var before = Targets(sourcePhases[index]);
            var mapped = Targets(phase);
            Deduplicate(phase, seen);
            var after = Targets(phase);
            if (after < mapped)
            {
                // Two source environments mapped onto one destination environment: Octopus holds an environment once.
                session.Diagnostics.Add(new Diagnostic(Severity.Warning,
                    $"Lifecycle \"{lifecycle.Name()}\", phase \"{phase.Name()}\": several source environments map to the same destination environment; it is listed once{(after == 0 ? " (it is in an earlier phase already)" : "")}.",
                    "environments (mapping)", lifecycle.Name()));
            }

            if (before > 0 && after == 0)
            {
                details.Add(new ChangeDetail($"phase \"{phase.Name()}\"", ChangeAction.Skip, rule, "Every environment of this phase is excluded on the destination; the phase is dropped."));
                continue;
            }

            if (phase["MinimumEnvironmentsBeforePromotion"] is JsonValue m && m.TryGetValue<int>(out var minimum) && minimum > after)
            {
                phase["MinimumEnvironmentsBeforePromotion"] = after;
            }

            kept.Add(phase.DeepClone());
        }

        if (sourcePhases.Count > 0 && kept.Count == 0)
        {
            session.Translator.Exclude(ResourceKind.Lifecycle, lifecycle.Name());
            session.Skip(ResourceKind.Lifecycle, lifecycle.Name(), rule, "No phase is left once excluded environments are removed; projects and channels using it follow the lifecycle rules.", severity: Severity.Warning);
            return;
        }

        translated["Phases"] = kept;
        var change = NamedObjectPlanner.PlanOne(session, Profile with { Adjust = (_, _, desired) => desired["Phases"] = kept.DeepClone() }, lifecycle, session.Rules);
        if (details.Count > 0)
        {
            session.Changes[^1] = change with { Details = [.. details, .. change.Details] };
        }
    }

    /// <summary>Keeps each destination environment once per lifecycle: in its first phase, automatic before optional.</summary>
    private static void Deduplicate(JsonObject phase, HashSet<string> seen)
    {
        foreach (var field in new[] { "AutomaticDeploymentTargets", "OptionalDeploymentTargets" })
        {
            if (phase[field] is JsonArray targets)
            {
                phase[field] = targets.Select(t => t?.ToString()).OfType<string>().Where(seen.Add).ToList().ToJsonArray();
            }
        }
    }

    private static int Targets(JsonObject phase) => phase.Arr("AutomaticDeploymentTargets").Count + phase.Arr("OptionalDeploymentTargets").Count;
}
