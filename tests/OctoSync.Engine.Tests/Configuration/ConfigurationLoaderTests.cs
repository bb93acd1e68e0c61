using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

public class ConfigurationLoaderTests
{
    internal static SyncConfiguration Parse(string yaml) =>
        ConfigurationLoader.Parse(yaml, "/work/configs/octosync.yaml", ConfigYaml.Env);

    [Fact]
    public void The_spec_configuration_loads_with_every_value()
    {
        var config = Parse(ConfigYaml.Spec);

        Assert.Equal(new Uri("https://devtest.octopus.example"), config.Source.Url);
        Assert.Equal("API-SOURCESECRET", config.Source.ApiKey);
        Assert.Equal("Default", config.Source.Space);
        var prod = Assert.Single(config.Destinations);
        Assert.Equal("prod", prod.Name);
        Assert.Equal(new Uri("https://prod.octopus.example"), prod.Connection.Url);
        Assert.Equal("API-PRODSECRET", prod.Connection.ApiKey);
        Assert.Equal("Default", prod.Connection.Space);
        Assert.Equal("Staging", Assert.Single(prod.Environments, e => e.Key == "Test").Value);
        Assert.Equal("Staging", prod.Environments["test"]);

        Assert.Equal(["*"], config.Select.Projects.Include);
        Assert.Empty(config.Select.Projects.Exclude);
        Assert.Equal(TenantSelectionMode.Connected, config.Select.Tenants.Mode);

        var rules = prod.Rules.Default;
        Assert.False(rules.Environments.CreateMissing);
        Assert.Equal(LifecyclesMode.Skip, rules.Lifecycles);
        Assert.Empty(rules.LifecycleMap);
        Assert.Equal(ChannelsMode.Sync, rules.Channels);
        Assert.Equal(ExcludedEnvironmentsMode.Skip, rules.Steps.ExcludedEnvironments);
        Assert.Empty(rules.Steps.RescopeTo);
        Assert.Equal(MissingChannelsMode.Skip, rules.Steps.MissingChannels);
        Assert.Equal(DestinationOnlyStepsMode.Keep, rules.Steps.DestinationOnlySteps);
        Assert.Empty(rules.Steps.Overrides);
        Assert.Equal(ScopeMatch.Partial, rules.Variables.ScopeMatch);
        Assert.Empty(rules.Variables.ScopeMatchBy);
        Assert.Equal(WhenNoEnvironmentLeft.Placeholder, rules.Variables.WhenNoEnvironmentLeft);
        Assert.Equal(OverwriteMode.Unchanged, rules.Variables.Overwrite);
        Assert.Equal("Replace Me", rules.Variables.Placeholder);
        Assert.Equal(SensitiveMode.Placeholder, rules.Variables.Sensitive);
        Assert.Equal(ValueReferenceMode.ByName, rules.Variables.References);
        Assert.Equal(ReferenceMode.ByName, rules.Accounts);
        Assert.Equal(ReferenceMode.ByName, rules.Certificates);

        var approve = prod.Rules.ForProject("octofx").Steps.ForStep("Approve release");
        Assert.Equal(ExcludedEnvironmentsMode.Rescope, approve.ExcludedEnvironments);
        Assert.Equal(["Staging"], approve.RescopeTo);
        Assert.Equal(ExcludedEnvironmentsMode.Skip, prod.Rules.ForProject("OctoFx").Steps.ForStep("Deploy web").ExcludedEnvironments);

        Assert.Equal(Path.GetFullPath("/work/configs/.octosync/state"), config.StatePath);
        Assert.Equal(12, config.Lines["destinations[prod].environments.Test"]);
    }

    [Theory]
    [InlineData("source", 1)]
    [InlineData("source.apiKey", 3)]
    [InlineData("destinations[prod].name", 7)]
    [InlineData("destinations[prod].rules", 15)]
    [InlineData("select.tenants", 21)]
    [InlineData("rules.variables.scopeMatchBy", 39)]
    [InlineData("rules.certificates", 46)]
    [InlineData("projects.OctoFx.rules.steps.overrides[\"Approve release\"].rescopeTo", 53)]
    [InlineData("state.path", 56)]
    public void Every_key_has_its_line(string keyPath, int line)
    {
        Assert.Equal(line, Parse(ConfigYaml.Spec).Lines[keyPath]);
    }

    [Fact]
    public void Absent_keys_take_the_documented_defaults()
    {
        var config = Parse(ConfigYaml.Minimal);

        var prod = Assert.Single(config.Destinations);
        Assert.Null(config.Source.Space);
        Assert.Empty(prod.Environments);
        // Records holding dictionaries compare those by reference; their printed form shows every scalar rule.
        Assert.Equal(new SyncRules().ToString(), prod.Rules.Default.ToString());
        Assert.Empty(prod.Rules.Default.LifecycleMap);
        Assert.Empty(prod.Rules.Default.Steps.RescopeTo);
        Assert.Empty(prod.Rules.Default.Steps.Overrides);
        Assert.Empty(prod.Rules.Default.Variables.ScopeMatchBy);
        Assert.Equal("Replace Me", prod.Rules.Default.Variables.Placeholder);
        Assert.Equal(OverwriteMode.Unchanged, prod.Rules.Default.Variables.Overwrite);
        Assert.Empty(prod.Rules.Projects);
        Assert.Equal(TenantSelectionMode.Connected, config.Select.Tenants.Mode);
        Assert.True(config.Select.Certificates.Matches("anything"));
        Assert.Equal(Path.GetFullPath("/work/configs/.octosync/state"), config.StatePath);
    }

    [Fact]
    public void State_path_is_resolved_against_the_config_folder()
    {
        var config = Parse(ConfigYaml.Minimal + "\nstate:\n  path: ../shared/state\n");

        Assert.Equal(Path.GetFullPath("/work/shared/state"), config.StatePath);
    }

    [Fact]
    public void Several_destinations_each_get_their_mapping()
    {
        var config = Parse(ConfigYaml.Minimal + """

            environments: { Test: Staging }
          - name: prod-only
            url: http://prod2.example:8080/octopus
            apiKey: ${SRC_KEY}
            space: Spaces-2
            environments:
              Production: Production
            rules:
              variables: { whenNoEnvironmentLeft: unscope }
        """);

        Assert.Equal(["prod", "prod-only"], config.Destinations.Select(d => d.Name));
        Assert.Equal("Staging", config.Destinations[0].Environments["Test"]);
        Assert.Equal(new Uri("http://prod2.example:8080/octopus"), config.Destinations[1].Connection.Url);
        Assert.Equal("Spaces-2", config.Destinations[1].Connection.Space);
        Assert.Equal(WhenNoEnvironmentLeft.Placeholder, config.Destinations[0].Rules.Default.Variables.WhenNoEnvironmentLeft);
        Assert.Equal(WhenNoEnvironmentLeft.Unscope, config.Destinations[1].Rules.Default.Variables.WhenNoEnvironmentLeft);
    }

    [Fact]
    public void Load_reads_the_file_and_names_it_in_errors()
    {
        var folder = Directory.CreateTempSubdirectory("octosync-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "octosync.yaml");
            File.WriteAllText(path, ConfigYaml.Minimal);
            Assert.Equal("prod", ConfigurationLoader.Load(path, ConfigYaml.Env).Destinations[0].Name);
            Assert.Equal(Path.Combine(folder.FullName, ".octosync", "state"), ConfigurationLoader.Load(path, ConfigYaml.Env).StatePath);

            var missing = Path.Combine(folder.FullName, "nope.yaml");
            var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(missing, ConfigYaml.Env));
            Assert.Equal([$"{missing}: file not found"], ex.Errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
