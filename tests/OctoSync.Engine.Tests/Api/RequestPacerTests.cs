using Microsoft.Extensions.Time.Testing;
using OctoSync.Engine.Api.Internal;

namespace OctoSync.Engine.Tests.Api;

public class RequestPacerTests
{
    private const int PerMinute = 600;

    /// <summary>The spacing of tokens: the configured rate less the headroom.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60 / (PerMinute * RequestPacer.Headroom));

    [Fact]
    public void Reserve_StartsEmptyAndSpacesRequestsEvenly()
    {
        var pacer = new RequestPacer(PerMinute, new FakeTimeProvider());

        var waits = Enumerable.Range(0, 3).Select(_ => pacer.Reserve()).ToList();

        AssertClose(Interval, waits[0]);
        AssertClose(2 * Interval, waits[1]);
        AssertClose(3 * Interval, waits[2]);
        Assert.Equal(3, pacer.Taken);
    }

    [Fact]
    public void Reserve_AfterAnIdleSpell_HoldsOneTokenAtMost()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(PerMinute, time);

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        AssertClose(Interval, pacer.Reserve());
    }

    [Fact]
    public void Reserve_NoMinuteCarriesMoreThanTheRate()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(PerMinute, time);
        var sent = new List<DateTimeOffset>();

        // A caller that sends the moment each reservation is due, for five minutes.
        var start = time.GetUtcNow();
        while (time.GetUtcNow() - start < TimeSpan.FromMinutes(5))
        {
            time.Advance(pacer.Reserve());
            sent.Add(time.GetUtcNow());
        }

        var busiestMinute = sent.Max(t => sent.Count(s => s >= t && s < t + TimeSpan.FromMinutes(1)));
        Assert.InRange(busiestMinute, PerMinute * 0.95, PerMinute);
    }

    [Fact]
    public async Task WaitAsync_CompletesWhenTheClockReachesTheToken()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(PerMinute, time);

        var first = pacer.WaitAsync(CancellationToken.None);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(first.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(2));
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        var second = pacer.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var pacer = new RequestPacer(PerMinute, new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var waiting = pacer.WaitAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void For_SameInstance_SharesOneBucketAtTheLowerPace()
    {
        var time = new FakeTimeProvider();
        var server = new Uri("https://octopus.example/");

        var source = RequestPacer.For(server, PerMinute, time);
        var destination = RequestPacer.For(new Uri("HTTPS://OCTOPUS.EXAMPLE/"), PerMinute / 2, time);
        var elsewhere = RequestPacer.For(new Uri("https://other.example/"), PerMinute, time);

        Assert.Same(source, destination);
        Assert.Equal(PerMinute / 2, source.RequestsPerMinute);
        Assert.NotSame(source, elsewhere);
        Assert.Equal(PerMinute, elsewhere.RequestsPerMinute);
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(1), expected + TimeSpan.FromMilliseconds(1));
}
