using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>Every rule key, written as in spec §3, sets the value it names.</summary>
public class RuleValuesTests
{
    public static TheoryData<string, Func<SyncRules, object>, object> Rules => new()
    {
        { "environments: { createMissing: true }", r => r.Environments.CreateMissing, true },
        { "lifecycles: sync", r => r.Lifecycles, LifecyclesMode.Sync },
        { "lifecycleMap: { Dev and Test: Default Lifecycle }", r => r.LifecycleMap.GetValueOrDefault("dev and test") ?? "", "Default Lifecycle" },
        { "channels: skip", r => r.Channels, ChannelsMode.Skip },
        { "steps: { excludedEnvironments: unscope }", r => r.Steps.ExcludedEnvironments, ExcludedEnvironmentsMode.Unscope },
        { "steps: { excludedEnvironments: rescope, rescopeTo: [Staging, Production] }", r => string.Join(",", r.Steps.RescopeTo), "Staging,Production" },
        { "steps: { missingChannels: unscope }", r => r.Steps.MissingChannels, MissingChannelsMode.Unscope },
        { "steps: { destinationOnlySteps: remove }", r => r.Steps.DestinationOnlySteps, DestinationOnlyStepsMode.Remove },
        { "steps: { overrides: { QA sign-off: { excludedEnvironments: unscope } } }", r => r.Steps.ForStep("qa sign-off").ExcludedEnvironments, ExcludedEnvironmentsMode.Unscope },
        { "steps: { overrides: { QA sign-off: { missingChannels: unscope } } }", r => r.Steps.ForStep("QA sign-off").MissingChannels, MissingChannelsMode.Unscope },
        { "steps: { overrides: { Old step: { destinationOnlySteps: remove } } }", r => r.Steps.ForStep("Old step").DestinationOnlySteps, DestinationOnlyStepsMode.Remove },
        { "variables: { scopeMatch: exact }", r => r.Variables.ScopeMatch, ScopeMatch.Exact },
        { "variables: { scopeMatch: ignore }", r => r.Variables.ScopeMatch, ScopeMatch.Ignore },
        { "variables: { scopeMatch: new-only }", r => r.Variables.ScopeMatch, ScopeMatch.NewOnly },
        { "variables: { scopeMatchBy: { Channel: exact } }", r => r.Variables.For(ScopeDimension.Channel), ScopeMatch.Exact },
        { "variables: { scopeMatchBy: { TenantTag: ignore } }", r => r.Variables.For(ScopeDimension.TenantTag), ScopeMatch.Ignore },
        { "variables: { scopeMatchBy: { ProcessOwner: new-only } }", r => r.Variables.For(ScopeDimension.ProcessOwner), ScopeMatch.NewOnly },
        { "variables: { scopeMatchBy: { Machine: exact } }", r => r.Variables.For(ScopeDimension.Environment), ScopeMatch.Partial },
        { "variables: { whenNoEnvironmentLeft: skip }", r => r.Variables.WhenNoEnvironmentLeft, WhenNoEnvironmentLeft.Skip },
        { "variables: { whenNoEnvironmentLeft: unscope }", r => r.Variables.WhenNoEnvironmentLeft, WhenNoEnvironmentLeft.Unscope },
        { "variables: { overwrite: never }", r => r.Variables.Overwrite, OverwriteMode.Never },
        { "variables: { overwrite: always }", r => r.Variables.Overwrite, OverwriteMode.Always },
        { "variables: { placeholder: \"TODO: fill in\" }", r => r.Variables.Placeholder, "TODO: fill in" },
        { "variables: { sensitive: skip }", r => r.Variables.Sensitive, SensitiveMode.Skip },
        { "variables: { references: skip }", r => r.Variables.References, ValueReferenceMode.Skip },
        { "variables: { references: empty }", r => r.Variables.References, ValueReferenceMode.Empty },
        { "accounts: placeholder", r => r.Accounts, ReferenceMode.Placeholder },
        { "accounts: skip", r => r.Accounts, ReferenceMode.Skip },
        { "certificates: placeholder", r => r.Certificates, ReferenceMode.Placeholder },
        { "certificates: Skip", r => r.Certificates, ReferenceMode.Skip },
        { "deletions: { objects: remove }", r => r.Deletions.Objects, DeletionMode.Remove },
        { "deletions: { objects: report }", r => r.Deletions.Objects, DeletionMode.Report },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_top_level_rule_sets_its_value(string rule, Func<SyncRules, object> get, object expected)
    {
        var config = ConfigurationLoaderTests.Parse(ConfigYaml.Minimal + "\nrules:\n  " + rule + "\n");

        Assert.Equal(expected, get(config.Destinations[0].Rules.Default));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_project_rule_sets_its_value_for_that_project_only(string rule, Func<SyncRules, object> get, object expected)
    {
        var config = ConfigurationLoaderTests.Parse(ConfigYaml.Minimal + "\nprojects:\n  OctoFx:\n    rules:\n      " + rule + "\n");

        var rules = config.Destinations[0].Rules;
        Assert.Equal(expected, get(rules.ForProject("OctoFx")));
        Assert.Equal(get(new SyncRules()), get(rules.ForProject("Other")));
    }

    public static TheoryData<string, TenantSelectionMode, string, bool> Tenants => new()
    {
        { "tenants: connected", TenantSelectionMode.Connected, "Acme", true },
        { "tenants: all", TenantSelectionMode.All, "Acme", true },
        { "tenants: none", TenantSelectionMode.None, "Acme", false },
        { "tenants: [Acme*, Test tenant]", TenantSelectionMode.Names, "Acme Corp", true },
        { "tenants: [Acme*, Test tenant]", TenantSelectionMode.Names, "Other", false },
        { "tenants: all\n  excludeTenants: [Acme*]", TenantSelectionMode.All, "Acme Corp", false },
    };

    [Theory]
    [MemberData(nameof(Tenants))]
    public void Tenant_selection(string select, TenantSelectionMode mode, string tenant, bool selected)
    {
        var config = ConfigurationLoaderTests.Parse(ConfigYaml.Minimal + "\nselect:\n  " + select + "\n");

        Assert.Equal(mode, config.Select.Tenants.Mode);
        Assert.Equal(selected, config.Select.Tenants.Names.Matches(tenant));
    }

    [Fact]
    public void Every_selection_kind_has_an_include_and_an_exclude_list()
    {
        string[] kinds = ["projects", "libraryVariableSets", "projectGroups", "stepTemplates", "scriptModules", "tagSets", "feeds", "workerPools", "accounts", "certificates"];
        var yaml = ConfigYaml.Minimal + "\nselect:\n" + string.Concat(kinds.Select(k =>
            $"  {k}: [\"A*\"]\n  exclude{char.ToUpperInvariant(k[0])}{k[1..]}: [Ab]\n"));

        var s = ConfigurationLoaderTests.Parse(yaml).Select;

        NameFilter[] filters = [s.Projects, s.LibraryVariableSets, s.ProjectGroups, s.StepTemplates, s.ScriptModules, s.TagSets, s.Feeds, s.WorkerPools, s.Accounts, s.Certificates];
        Assert.All(filters, f => Assert.Equal((true, false, false), (f.Matches("Acme"), f.Matches("ab"), f.Matches("Other"))));
    }
}
