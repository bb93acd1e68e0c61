using System.Net;
using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class KnobTests
{
    [Fact]
    public async Task Rate_limit_answers_429_with_Retry_After_and_an_error_body()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 3 });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await session.Http.GetAsync(new Uri("api/Spaces-1/environments", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using (limited)
        {
            var retryAfter = limited!.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, 20);
            var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
            Assert.False(string.IsNullOrEmpty((string?)body["ErrorMessage"]));
        }
    }

    [Fact]
    public async Task Faults_are_reproducible_from_the_seed()
    {
        var options = new EmulatorOptions { FaultRate = 0.5, FaultSeed = 42 };

        var first = await OutcomesAsync(options);
        var second = await OutcomesAsync(options);
        var other = await OutcomesAsync(options with { FaultSeed = 7 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("200", first);
        Assert.Contains(first, o => o is "500" or "503" or "dropped");
    }

    [Fact]
    public async Task Dropped_connections_are_logged_with_status_0()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { FaultRate = 1, FaultSeed = 3 });

        var outcomes = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            outcomes.Add(await OutcomeAsync(session.Http));
        }

        Assert.Contains("dropped", outcomes);
        Assert.Contains(session.Server.RequestLog, e => e.Status == 0);
        Assert.DoesNotContain("200", outcomes);
    }

    [Fact]
    public async Task Latency_still_answers()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { LatencyMs = 5 });

        var root = await session.GetObjectAsync("/api");

        Assert.Equal("3.0.0", (string?)root["ApiVersion"]);
    }

    private static async Task<List<string>> OutcomesAsync(EmulatorOptions options)
    {
        await using var session = await EmulatorSession.StartAsync(options);
        var outcomes = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            outcomes.Add(await OutcomeAsync(session.Http));
        }

        return outcomes;
    }

    /// <summary>One request on a fresh connection (a dropped connection must not poison the next request).</summary>
    private static async Task<string> OutcomeAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/Spaces-1/environments", UriKind.Relative));
        request.Headers.ConnectionClose = true;
        try
        {
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "dropped";
        }
    }
}
