using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

public class RequestsPerMinuteTests
{
    private const string Paced = """
        source:
          url: https://devtest.octopus.example
          apiKey: ${SRC_KEY}
          requestsPerMinute: 200
        destinations:
          - name: prod
            url: https://prod.octopus.example
            apiKey: ${PROD_KEY}
            requestsPerMinute: 120
          - name: dr
            url: https://dr.octopus.example
            apiKey: ${PROD_KEY}
        """;

    [Fact]
    public void RequestsPerMinute_IsReadPerConnection_AndOffWhenAbsent()
    {
        var config = ConfigurationLoaderTests.Parse(Paced);

        Assert.Equal(200, config.Source.RequestsPerMinute);
        Assert.Equal(120, config.Destinations[0].Connection.RequestsPerMinute);
        Assert.Null(config.Destinations[1].Connection.RequestsPerMinute);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("12.5")]
    [InlineData("fast")]
    public void RequestsPerMinute_NotAWholeNumberOfAtLeastOne_NamesTheLineAndKey(string value)
    {
        var yaml = Paced.Replace("requestsPerMinute: 120", $"requestsPerMinute: {value}", StringComparison.Ordinal);

        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(yaml, "octosync.yaml", ConfigYaml.Env));

        Assert.Equal([$"octosync.yaml:9: destinations[prod].requestsPerMinute: '{value}' is not a whole number of requests per minute (1 or more)"], ex.Errors);
    }
}
