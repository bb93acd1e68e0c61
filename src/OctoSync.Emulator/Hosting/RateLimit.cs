namespace OctoSync.Emulator.Hosting;

/// <summary>
/// The rate limit the pipeline enforces, changeable while the server runs (seed at full speed, then enforce):
/// setting a new limit starts a full bucket; 0 switches limiting off.
/// </summary>
internal sealed class RateLimit(int perMinute, TimeProvider time)
{
    private volatile TokenBucket? bucket = perMinute > 0 ? new TokenBucket(perMinute, time) : null;
    private volatile int limit = Math.Max(0, perMinute);

    public int PerMinute
    {
        get => limit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            bucket = value > 0 ? new TokenBucket(value, time) : null;
            limit = value;
        }
    }

    /// <summary>True when the request may go on; otherwise how long until a token is free.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return bucket is not { } current || current.TryTake(out retryAfter);
    }
}
