using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads <c>rules.variables</c> (spec §5.5); <c>scopeMatchBy</c> merges per dimension.</summary>
internal static class VariableRulesReader
{
    private static readonly string[] Keys =
        ["scopeMatch", "scopeMatchBy", "whenNoEnvironmentLeft", "overwrite", "placeholder", "sensitive", "references"];

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
                case "scopeMatch":
                    Set(patch, e, r.Enum<ScopeMatch>(e.Value, e.Path), (v, m) => v with { ScopeMatch = m });
                    break;
                case "scopeMatchBy":
                    ReadScopeMatchBy(r, patch, e);
                    break;
                case "whenNoEnvironmentLeft":
                    Set(patch, e, r.Enum<WhenNoEnvironmentLeft>(e.Value, e.Path), (v, m) => v with { WhenNoEnvironmentLeft = m });
                    break;
                case "overwrite":
                    Set(patch, e, r.Enum<OverwriteMode>(e.Value, e.Path), (v, m) => v with { Overwrite = m });
                    break;
                case "placeholder":
                    if (r.Text(e.Value, e.Path, required: true) is { } text)
                    {
                        patch.Set(e, x => x with { Variables = x.Variables with { Placeholder = text } });
                    }

                    break;
                case "sensitive":
                    Set(patch, e, r.Enum<SensitiveMode>(e.Value, e.Path), (v, m) => v with { Sensitive = m });
                    break;
                case "references":
                    Set(patch, e, r.Enum<ValueReferenceMode>(e.Value, e.Path), (v, m) => v with { References = m });
                    break;
            }
        }
    }

    private static void ReadScopeMatchBy(ConfigReader r, RulesPatch patch, ConfigReader.Entry entry)
    {
        if (r.Mapping(entry.Value, entry.Path) is not { } map)
        {
            return;
        }

        // Dimension keys are written as Octopus names them (Environment, TenantTag, ...).
        var dimensions = Enum.GetValues<ScopeDimension>().Select(d => d.ToString()).ToArray();
        foreach (var e in r.Entries(map, entry.Path, dimensions))
        {
            var dimension = Enum.Parse<ScopeDimension>(e.Key);
            Set(patch, e, r.Enum<ScopeMatch>(e.Value, e.Path), (v, m) => v with
            {
                ScopeMatchBy = new Dictionary<ScopeDimension, ScopeMatch>(v.ScopeMatchBy) { [dimension] = m },
            });
        }
    }

    private static void Set<T>(RulesPatch patch, ConfigReader.Entry e, T? value, Func<VariableRules, T, VariableRules> edit)
        where T : struct =>
        RulesReader.Set(patch, e, value, (x, v) => x with { Variables = edit(x.Variables, v) });
}
