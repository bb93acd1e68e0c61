namespace OctoSync.Benchmarks.Sync;

/// <summary>Samples the process working set every 10 ms while a scenario runs and keeps the highest value.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peak = Environment.WorkingSet;

    public MemorySampler() => loop = RunAsync();

    public double PeakMiB => Interlocked.Read(ref peak) / (1024.0 * 1024.0);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Sample();
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            Sample();
        }
    }

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
    }
}
