namespace OctoSync.Emulator.Hosting;

/// <summary>A token bucket of <c>perMinute</c> tokens refilled continuously; answers how long until the next token.</summary>
internal sealed class TokenBucket(int perMinute, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = perMinute;
    private long last = time.GetTimestamp();

    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var perSecond = perMinute / 60.0;
            tokens = Math.Min(perMinute, tokens + (time.GetElapsedTime(last, now).TotalSeconds * perSecond));
            last = now;
            if (tokens >= 1)
            {
                tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - tokens) / perSecond);
            return false;
        }
    }
}
