using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary><c>${VAR}</c> expansion, and API keys never reaching a message or ToString.</summary>
public class EnvironmentVariableTests
{
    private static SyncConfiguration Parse(string yaml, Func<string, string?> env) => ConfigurationLoader.Parse(yaml, "octosync.yaml", env);

    [Fact]
    public void Variables_are_expanded_in_any_text_value()
    {
        var env = new Dictionary<string, string> { ["SRC_KEY"] = "k1", ["PROD_KEY"] = "k2", ["HOST"] = "prod.example", ["PH"] = "Fill me" };
        var yaml = ConfigYaml.Minimal.Replace("https://prod.octopus.example", "https://${HOST}/octopus", StringComparison.Ordinal)
            + "\nrules:\n  variables: { placeholder: \"${PH} ($${NOT_A_VAR})\" }\n";

        var config = Parse(yaml, env.GetValueOrDefault);

        Assert.Equal(new Uri("https://prod.example/octopus"), config.Destinations[0].Connection.Url);
        Assert.Equal("k2", config.Destinations[0].Connection.ApiKey);
        Assert.Equal("Fill me (${NOT_A_VAR})", config.Destinations[0].Rules.Default.Variables.Placeholder);
    }

    [Fact]
    public void An_unset_variable_is_named_and_every_one_is_reported()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Parse(ConfigYaml.Minimal, _ => null));

        Assert.Equal(
            [
                "octosync.yaml:3: source.apiKey: environment variable 'SRC_KEY' is not set",
                "octosync.yaml:7: destinations[prod].apiKey: environment variable 'PROD_KEY' is not set",
            ],
            ex.Errors);
    }

    [Fact]
    public void A_variable_set_but_empty_is_an_error_for_a_required_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Parse(ConfigYaml.Minimal, n => n == "SRC_KEY" ? "" : "k"));

        Assert.Equal(["octosync.yaml:3: source.apiKey: '${SRC_KEY}' is empty"], ex.Errors);
    }

    [Fact]
    public void Api_keys_never_appear_in_error_messages()
    {
        // A wrong value next to the keys: messages quote what is written in the file, not what it expands to.
        var yaml = ConfigYaml.Minimal + "\n    space: ${PROD_KEY}\n    rules: { variables: { overwrite: \"${SRC_KEY}\" } }\n    bogus: ${PROD_KEY}\n";

        var ex = Assert.Throws<ConfigurationException>(() => Parse(yaml, ConfigYaml.Env));

        Assert.Equal(
            [
                "octosync.yaml:9: destinations[prod].rules.variables.overwrite: '${SRC_KEY}' is not one of never, unchanged, always",
                "octosync.yaml:10: destinations[prod].bogus: unknown key; expected one of name, url, apiKey, space, requestsPerMinute, environments, rules, secrets",
            ],
            ex.Errors);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_keys_never_appear_in_ToString()
    {
        var config = ConfigurationLoaderTests.Parse(ConfigYaml.Spec);

        var text = config.ToString() + config.Source + config.Destinations[0] + string.Join(",", config.Destinations);

        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.Contains("https://prod.octopus.example/", config.Destinations[0].Connection.ToString(), StringComparison.Ordinal);
    }
}
