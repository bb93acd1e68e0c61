using OctoSync.Emulator;
using OctoSync.Engine.Api;

namespace OctoSync.IntegrationTests.Api;

public class ResilienceTests
{
    [Fact]
    public async Task Reads_beyond_the_rate_limit_wait_for_Retry_After_and_all_succeed()
    {
        // A burst of 60 and one more token a second: the last reads are answered 429 + Retry-After first.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimitPerMinute = 60 });
        using var client = await Emulated.ConnectAsync(server, Emulated.FastRetries with { MaxRetries = 10 });

        var reads = await Task.WhenAll(Enumerable.Range(0, 62).Select(_ => client.GetAllAsync("environments")));

        Assert.Equal(62, reads.Length);
        var throttled = server.RequestLog.Count(e => e.Status == 429);
        Assert.True(throttled > 0, "the rate limit never answered 429");
        Assert.Equal(throttled, client.RetryCount);
        Assert.Equal(server.RequestLog.Count, client.RequestCount);
    }

    [Fact]
    public async Task Reads_succeed_through_random_faults()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { FaultRate = 0.3, FaultSeed = 7 });
        using var client = await Emulated.ConnectAsync(server, Emulated.FastRetries with { MaxRetries = 10 });

        var reads = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAllAsync("lifecycles")));

        Assert.All(reads, r => Assert.NotEmpty(r));
        var faults = server.RequestLog.Count(e => e.Status is 0 or 500 or 503);
        Assert.True(faults > 0, "no fault was injected");
        Assert.Equal(faults, client.RetryCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Requests_in_flight_never_exceed_MaxConcurrentRequests(int limit)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { LatencyMs = 40 });
        using var client = await Emulated.ConnectAsync(server, Emulated.FastRetries with { MaxConcurrentRequests = limit });
        server.ClearRequestLog();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAllAsync("environments")));

        // The most requests the server was serving at once: at some request's start, how many intervals contain it
        // (intervals shrunk by a millisecond at each end for clock rounding).
        var intervals = server.RequestLog.Select(e => (Start: e.Time.AddMilliseconds(1), End: e.Time.AddMilliseconds(e.Milliseconds - 1))).ToList();
        var peak = intervals.Max(i => intervals.Count(o => o.Start <= i.Start && i.Start < o.End));
        Assert.Equal(8, intervals.Count);
        Assert.InRange(peak, 1, limit);
    }
}
