namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Merges the rules for one destination (top-level → destination → project), collects the names its
/// merged rules refer to, and checks what only the merged rules can show (rescope without rescopeTo).
/// </summary>
internal static class RuleSetResolver
{
    public static (RuleSet Rules, List<ConfigurationReference> References) Resolve(
        ConfigReader r, RulesPatch top, RulesPatch destination, IReadOnlyDictionary<string, RulesPatch> projects)
    {
        var references = new List<ConfigurationReference>();
        var resolvedDefault = RulesPatch.Resolve(top, destination);
        Check(r, resolvedDefault, references);

        var byProject = new Dictionary<string, SyncRules>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, patch) in projects)
        {
            var resolved = RulesPatch.Resolve(top, destination, patch);
            Check(r, resolved, references);
            byProject[name] = resolved.Rules;
        }

        var distinct = references.DistinctBy(x => (x.Kind, x.Name, x.KeyPath)).ToList();
        return (new RuleSet { Default = resolvedDefault.Rules, Projects = byProject }, distinct);
    }

    private static void Check(ConfigReader r, RulesPatch.ResolvedRules resolved, List<ConfigurationReference> references)
    {
        var (rules, origins) = resolved;
        AddNames(references, origins, "steps.rescopeTo", rules.Steps.RescopeTo);
        CheckRescope(r, origins, rules.Steps, "steps");

        foreach (var (step, stepOverride) in rules.Steps.Overrides)
        {
            var at = KeyPath.Child("steps.overrides", step);
            AddNames(references, origins, KeyPath.Child(at, "rescopeTo"), stepOverride.RescopeTo ?? []);
            CheckRescope(r, origins, rules.Steps.ForStep(step), at);
        }

        foreach (var (source, target) in rules.LifecycleMap)
        {
            if (origins.TryGetValue(KeyPath.Child("lifecycleMap", source), out var o))
            {
                references.Add(new(ConfigurationReferenceKind.SourceLifecycle, source, o.KeyPath, o.Line));
                references.Add(new(ConfigurationReferenceKind.DestinationLifecycle, target, o.KeyPath, o.Line));
            }
        }
    }

    private static void AddNames(
        List<ConfigurationReference> references, IReadOnlyDictionary<string, RulesPatch.Origin> origins, string rulePath, IEnumerable<string> names)
    {
        if (origins.TryGetValue(rulePath, out var o))
        {
            references.AddRange(names.Select(n => new ConfigurationReference(ConfigurationReferenceKind.DestinationEnvironment, n, o.KeyPath, o.Line)));
        }
    }

    /// <summary><c>rescope</c> with no environment to rescope to would silently drop the step's scoping.</summary>
    private static void CheckRescope(ConfigReader r, IReadOnlyDictionary<string, RulesPatch.Origin> origins, StepRules steps, string at)
    {
        if (steps.ExcludedEnvironments != ExcludedEnvironmentsMode.Rescope || steps.RescopeTo.Count > 0)
        {
            return;
        }

        var origin = origins.GetValueOrDefault(KeyPath.Child(at, "excludedEnvironments")) ?? origins.GetValueOrDefault("steps.excludedEnvironments");
        if (origin is not null)
        {
            r.Error(origin.Line, origin.KeyPath, "'rescope' needs rescopeTo: the destination environments to run the step in");
        }
    }
}
