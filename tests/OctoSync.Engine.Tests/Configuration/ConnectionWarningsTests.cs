using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Tests.Configuration;

/// <summary>Issue #9 item 8: plain http to another host is a warning; a key written into a URL is redacted at load.</summary>
public class ConnectionWarningsTests
{
    private static SyncConfiguration Load(string sourceUrl, string destinationUrl) => ConfigurationLoader.Parse($"""
        source: {"{"} url: "{sourceUrl}", apiKey: k {"}"}
        destinations:
          - name: prod
            url: "{destinationUrl}"
            apiKey: k
        """, "octosync.yaml", _ => null);

    [Fact]
    public void Plain_http_to_a_host_that_is_not_loopback_is_a_warning_naming_the_key()
    {
        var config = Load("http://octopus.example/", "https://prod.example/");

        Assert.Equal(["octosync.yaml:1: source.url: plain http to octopus.example: the API key travels unencrypted; use https"], config.Warnings);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]:81/")]
    [InlineData("https://octopus.example/")]
    public void Https_and_loopback_give_no_warning(string url) => Assert.Empty(Load(url, "https://prod.example/").Warnings);

    [Theory]
    [InlineData("https://prod.example/?apikey=API-SECRET", "https://prod.example/?apikey=***")]
    [InlineData("https://prod.example/octopus?ApiKey=API-SECRET&x=1", "https://prod.example/octopus?apikey=***&x=1")]
    [InlineData("https://user:API-SECRET@prod.example/", "https://***@prod.example/")]
    public void A_key_in_a_url_is_replaced_before_anything_can_show_it(string url, string shown)
    {
        var config = Load("https://a.example/", url);

        var connection = config.Destinations[0].Connection;
        Assert.Equal(shown, connection.Url.ToString());
        Assert.DoesNotContain("API-SECRET", connection.ToString(), StringComparison.Ordinal);
        Assert.Single(config.Warnings, w => w.Contains("destinations[prod].url: the URL carries a credential", StringComparison.Ordinal));
        Assert.DoesNotContain(config.Warnings, w => w.Contains("API-SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_url_is_quoted_without_its_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("https://a.example/", "nope?apikey=API-SECRET"));

        Assert.Contains("'nope?apikey=***' is not an absolute http or https URL", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("API-SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("5s", 5)]
    public void The_timeout_key_is_whole_seconds(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ConfigurationLoader.Parse($"""
            source: {"{"} url: "https://a.example/", apiKey: k {"}"}
            destinations: [{"{"} name: prod, url: "https://b.example/", apiKey: k {"}"}]
            timeout: {text}
            """, "octosync.yaml", _ => null).Timeout);
}
