using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>Top-level rules → destination rules → project rules, merged key by key.</summary>
public class RuleMergeTests
{
    private const string Yaml = """
        source: { url: "https://a.example", apiKey: "${SRC_KEY}" }
        destinations:
          - name: prod
            url: https://b.example
            apiKey: ${PROD_KEY}
            rules:
              lifecycles: sync
              lifecycleMap: { Hotfix: Fast }
              steps:
                missingChannels: unscope
                overrides:
                  QA sign-off: { rescopeTo: [Production] }
              variables:
                scopeMatchBy: { Channel: ignore }
                overwrite: always
          - name: dr
            url: https://c.example
            apiKey: ${PROD_KEY}
        rules:
          channels: skip
          lifecycleMap: { Default: Standard, Hotfix: Standard }
          steps:
            excludedEnvironments: unscope
            overrides:
              QA sign-off: { excludedEnvironments: rescope, rescopeTo: [Staging] }
          variables:
            scopeMatch: exact
            scopeMatchBy: { Role: ignore }
            overwrite: never
        projects:
          OctoFx:
            rules:
              steps:
                overrides:
                  Deploy web: { excludedEnvironments: skip }
              variables: { overwrite: unchanged, scopeMatchBy: { Action: partial } }
        """;

    private static readonly SyncConfiguration Config = ConfigurationLoaderTests.Parse(Yaml);

    private static RuleSet Prod => Config.Destinations[0].Rules;

    private static RuleSet Dr => Config.Destinations[1].Rules;

    [Fact]
    public void A_destination_override_changes_only_the_keys_it_names()
    {
        var rules = Prod.Default;
        Assert.Equal(ChannelsMode.Skip, rules.Channels);                       // top
        Assert.Equal(LifecyclesMode.Sync, rules.Lifecycles);                   // destination
        Assert.Equal(ExcludedEnvironmentsMode.Unscope, rules.Steps.ExcludedEnvironments); // top
        Assert.Equal(MissingChannelsMode.Unscope, rules.Steps.MissingChannels); // destination
        Assert.Equal(ScopeMatch.Exact, rules.Variables.ScopeMatch);            // top
        Assert.Equal(OverwriteMode.Always, rules.Variables.Overwrite);         // destination wins over top
    }

    [Fact]
    public void Maps_merge_entry_by_entry()
    {
        Assert.Equal(new Dictionary<string, string> { ["Default"] = "Standard", ["Hotfix"] = "Fast" }, Prod.Default.LifecycleMap);
        Assert.Equal(ScopeMatch.Ignore, Prod.Default.Variables.For(ScopeDimension.Role));
        Assert.Equal(ScopeMatch.Ignore, Prod.Default.Variables.For(ScopeDimension.Channel));
        Assert.Equal(ScopeMatch.Exact, Prod.Default.Variables.For(ScopeDimension.Environment));
    }

    [Fact]
    public void Step_overrides_merge_by_step_name_then_key_by_key()
    {
        var qa = Prod.Default.Steps.ForStep("QA sign-off");
        Assert.Equal(ExcludedEnvironmentsMode.Rescope, qa.ExcludedEnvironments); // top
        Assert.Equal(["Production"], qa.RescopeTo);                            // destination

        Assert.Equal(["Staging"], Dr.Default.Steps.ForStep("QA sign-off").RescopeTo);
    }

    [Fact]
    public void Project_rules_apply_on_top_of_the_destination_rules()
    {
        var octoFx = Prod.ForProject("OctoFx");
        Assert.Equal(OverwriteMode.Unchanged, octoFx.Variables.Overwrite);     // project wins
        Assert.Equal(LifecyclesMode.Sync, octoFx.Lifecycles);                  // destination
        Assert.Equal(ChannelsMode.Skip, octoFx.Channels);                      // top
        Assert.Equal(ScopeMatch.Partial, octoFx.Variables.For(ScopeDimension.Action));
        Assert.Equal(ScopeMatch.Ignore, octoFx.Variables.For(ScopeDimension.Channel));
        Assert.Equal(ExcludedEnvironmentsMode.Skip, octoFx.Steps.ForStep("Deploy web").ExcludedEnvironments);
        Assert.Equal(["Production"], octoFx.Steps.ForStep("QA sign-off").RescopeTo);

        Assert.Equal(OverwriteMode.Unchanged, Dr.ForProject("OctoFx").Variables.Overwrite);
        Assert.Equal(OverwriteMode.Never, Dr.Default.Variables.Overwrite);
        Assert.Equal(LifecyclesMode.Skip, Dr.ForProject("OctoFx").Lifecycles);
    }

    [Fact]
    public void The_names_in_force_on_each_destination_are_recorded_with_their_lines()
    {
        var prodRefs = Config.Destinations[0].References.Select(r => $"{r.Kind} {r.Name} {r.KeyPath}:{r.Line}").ToList();

        Assert.Contains("DestinationEnvironment Production destinations[prod].rules.steps.overrides[\"QA sign-off\"].rescopeTo:12", prodRefs);
        Assert.DoesNotContain(prodRefs, r => r.Contains("Staging", StringComparison.Ordinal));
        Assert.Contains("DestinationLifecycle Fast destinations[prod].rules.lifecycleMap.Hotfix:8", prodRefs);
        Assert.Contains("DestinationLifecycle Standard rules.lifecycleMap.Default:21", prodRefs);
        Assert.Contains(Config.Destinations[1].References, r => r is { Name: "Staging", KeyPath: "rules.steps.overrides[\"QA sign-off\"].rescopeTo", Line: 25 });
    }
}
