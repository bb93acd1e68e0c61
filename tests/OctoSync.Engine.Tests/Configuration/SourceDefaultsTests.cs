using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>OCTOPUS_URL, OCTOPUS_API_KEY and OCTOPUS_SPACE (the Octopus CLI's variables) are the defaults of <c>source</c>.</summary>
public class SourceDefaultsTests
{
    private const string Destinations = """
        destinations:
          - name: prod
            url: https://prod.octopus.example
            apiKey: API-PROD
        """;

    private static SyncConfiguration Parse(string yaml, Dictionary<string, string> environment) =>
        ConfigurationLoader.Parse(yaml, "/work/configs/octosync.yaml", n => environment.TryGetValue(n, out var v) ? v : null);

    private static readonly Dictionary<string, string> Octopus = new()
    {
        ["OCTOPUS_URL"] = "https://devtest.octopus.example",
        ["OCTOPUS_API_KEY"] = "API-FROMENV",
        ["OCTOPUS_SPACE"] = "Dev Space",
    };

    [Fact]
    public void Without_a_source_key_the_environment_is_the_source()
    {
        var config = Parse(Destinations, Octopus);

        Assert.Equal(new Uri("https://devtest.octopus.example"), config.Source.Url);
        Assert.Equal("API-FROMENV", config.Source.ApiKey);
        Assert.Equal("Dev Space", config.Source.Space);
    }

    [Fact]
    public void The_file_wins_and_the_environment_fills_in_the_rest()
    {
        var config = Parse("source:\n  url: https://other.example\n" + Destinations, Octopus);

        Assert.Equal(new Uri("https://other.example"), config.Source.Url);
        Assert.Equal("API-FROMENV", config.Source.ApiKey);
        Assert.Equal("Dev Space", config.Source.Space);
    }

    [Fact]
    public void Missing_both_is_an_error_naming_the_key_and_the_variable()
    {
        var e = Assert.Throws<ConfigurationException>(() => Parse("source:\n  url: https://other.example\n" + Destinations, []));

        Assert.Matches(@"octosync\.yaml:\d+: source\.apiKey: required key is missing \(or set OCTOPUS_API_KEY\)", e.Message);
        e = Assert.Throws<ConfigurationException>(() => Parse(Destinations, new() { ["OCTOPUS_URL"] = "devtest", ["OCTOPUS_API_KEY"] = "k" }));
        Assert.Contains("OCTOPUS_URL is 'devtest', not an absolute http or https URL", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ConfigurationException>(() => Parse(Destinations, new() { ["OCTOPUS_URL"] = "https://devtest.example" }));
        Assert.Contains("source: required key is missing (or set OCTOPUS_URL and OCTOPUS_API_KEY)", e.Message, StringComparison.Ordinal);
    }
}
