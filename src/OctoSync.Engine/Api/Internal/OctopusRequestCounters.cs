namespace OctoSync.Engine.Api.Internal;

/// <summary>Thread-safe counts of one client's requests, for benchmarks and tests.</summary>
internal sealed class OctopusRequestCounters
{
    private long requests;
    private long retries;

    public long Requests => Interlocked.Read(ref requests);
    public long Retries => Interlocked.Read(ref retries);

    public void CountRequest() => Interlocked.Increment(ref requests);
    public void CountRetry() => Interlocked.Increment(ref retries);
}
