using OctoSync.Engine.Api;

namespace OctoSync.Engine.Tests.Api;

public class OctopusSpaceClientConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ParallelRequests_NeverExceedMaxConcurrentRequests(int limit)
    {
        var inFlight = 0;
        var peak = 0;
        var handler = new FakeOctopusHandler().OnAsync("GET", "/api/Spaces-1/projects/*", async (r, _, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(30, ct);
            Interlocked.Decrement(ref inFlight);
            return FakeOctopusHandler.Json($$"""{"Id":"{{r.RequestUri!.Segments[^1]}}"}""");
        });
        using var client = await FakeServer.ConnectAsync(handler, new OctopusClientOptions { MaxConcurrentRequests = limit });

        var projects = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => client.GetAsync($"projects/Projects-{i}")));

        Assert.Equal(12, projects.Length);
        Assert.InRange(peak, 1, limit);
        Assert.Equal(14, client.RequestCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
