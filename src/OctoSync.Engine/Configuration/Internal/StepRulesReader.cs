using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads <c>rules.steps</c>, including <c>overrides</c> (merged by step name, then key by key).</summary>
internal static class StepRulesReader
{
    private static readonly string[] OverrideKeys = ["excludedEnvironments", "rescopeTo", "missingChannels", "destinationOnlySteps"];
    private static readonly string[] Keys = [.. OverrideKeys, "overrides"];

    public static void Read(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var e in r.Entries(map, entry.Path, Keys))
        {
            switch (e.Key)
            {
                case "excludedEnvironments":
                    Set(patch, e, r.Enum<ExcludedEnvironmentsMode>(e.Value, e.Path), (s, v) => s with { ExcludedEnvironments = v });
                    break;
                case "rescopeTo":
                    if (r.TextList(e.Value, e.Path) is { } names)
                    {
                        patch.Set(e, x => x with { Steps = x.Steps with { RescopeTo = names } });
                    }

                    break;
                case "missingChannels":
                    Set(patch, e, r.Enum<MissingChannelsMode>(e.Value, e.Path), (s, v) => s with { MissingChannels = v });
                    break;
                case "destinationOnlySteps":
                    Set(patch, e, r.Enum<DestinationOnlyStepsMode>(e.Value, e.Path), (s, v) => s with { DestinationOnlySteps = v });
                    break;
                case "overrides":
                    ReadOverrides(r, patch, e);
                    break;
            }
        }
    }

    private static void Set<T>(RulesPatch patch, ConfigReader.Entry e, T? value, Func<StepRules, T, StepRules> edit)
        where T : struct =>
        RulesReader.Set(patch, e, value, (x, v) => x with { Steps = edit(x.Steps, v) });

    private static void ReadOverrides(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        foreach (var step in r.AnyEntries(map, entry.Path))
        {
            var name = step.Key;
            patch.Set(step, x => Override(x, name, o => o));
            if (r.Mapping(step.Value, step.Path) is not { } body)
            {
                continue;
            }

            foreach (var e in r.Entries(body, step.Path, OverrideKeys))
            {
                switch (e.Key)
                {
                    case "excludedEnvironments":
                        Set(patch, e, r.Enum<ExcludedEnvironmentsMode>(e.Value, e.Path), name, (o, v) => o with { ExcludedEnvironments = v });
                        break;
                    case "rescopeTo":
                        if (r.TextList(e.Value, e.Path) is { } names)
                        {
                            patch.Set(e, x => Override(x, name, o => o with { RescopeTo = names }));
                        }

                        break;
                    case "missingChannels":
                        Set(patch, e, r.Enum<MissingChannelsMode>(e.Value, e.Path), name, (o, v) => o with { MissingChannels = v });
                        break;
                    case "destinationOnlySteps":
                        Set(patch, e, r.Enum<DestinationOnlyStepsMode>(e.Value, e.Path), name, (o, v) => o with { DestinationOnlySteps = v });
                        break;
                }
            }
        }
    }

    private static void Set<T>(RulesPatch patch, ConfigReader.Entry e, T? value, string step, Func<StepOverride, T, StepOverride> edit)
        where T : struct =>
        RulesReader.Set(patch, e, value, (x, v) => Override(x, step, o => edit(o, v)));

    private static SyncRules Override(SyncRules rules, string step, Func<StepOverride, StepOverride> edit)
    {
        var overrides = new Dictionary<string, StepOverride>(rules.Steps.Overrides, StringComparer.OrdinalIgnoreCase);
        overrides[step] = edit(overrides.TryGetValue(step, out var existing) ? existing : new StepOverride());
        return rules with { Steps = rules.Steps with { Overrides = overrides } };
    }
}
