using System.Collections.Concurrent;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// The client-side pace of one Octopus instance (<c>requestsPerMinute</c>, issue #10): a token bucket refilled
/// continuously that holds at most one token, so requests leave evenly spaced and no minute ever carries more than
/// the rate. It starts empty: the first request waits one interval, so a run that follows another at once cannot
/// spend a budget the server has not refilled yet (a bigger or a full bucket would). It refills at
/// <see cref="Headroom"/> of the rate, so that requests which leave evenly spaced but arrive a few milliseconds
/// closer together still find a token at the server. Each request reserves the next token and waits for it;
/// reservations are served in order. Reacting to 429 instead wastes a request of the same budget on every refusal.
/// </summary>
internal sealed class RequestPacer
{
    private static readonly ConcurrentDictionary<(string Server, TimeProvider Time), RequestPacer> PerInstance = new();
    private readonly Lock gate = new();
    /// <summary>The share of the configured rate the bucket refills at: 2% absorbs the jitter of loopback and LAN.</summary>
    public const double Headroom = 0.98;

    private readonly TimeProvider time;
    private double tokens;
    private long last;
    private long taken;

    public RequestPacer(int requestsPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        RequestsPerMinute = requestsPerMinute;
        this.time = time;
        last = time.GetTimestamp();
    }

    /// <summary>The pace; lowered, never raised, when a second connection to the same instance asks for less.</summary>
    public int RequestsPerMinute { get; private set; }

    /// <summary>Tokens handed out so far.</summary>
    public long Taken => Interlocked.Read(ref taken);

    /// <summary>
    /// The one bucket of an instance (by server URL): the source and a destination on the same server, or two
    /// destinations in two spaces of it, share one budget, as the server counts them together.
    /// </summary>
    public static RequestPacer For(Uri serverUrl, int requestsPerMinute, TimeProvider time)
    {
        var pacer = PerInstance.GetOrAdd((serverUrl.AbsoluteUri.ToUpperInvariant(), time), _ => new RequestPacer(requestsPerMinute, time));
        pacer.LowerTo(requestsPerMinute);
        return pacer;
    }

    /// <summary>Takes the next token, waiting until it is due.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reserves the next token and answers how long until it is due (zero = now).</summary>
    public TimeSpan Reserve()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var perSecond = RequestsPerMinute * Headroom / 60.0;
            tokens = Math.Min(1, tokens + (time.GetElapsedTime(last, now).TotalSeconds * perSecond));
            last = now;
            tokens -= 1;
            Interlocked.Increment(ref taken);
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / perSecond);
        }
    }

    private void LowerTo(int requestsPerMinute)
    {
        lock (gate)
        {
            RequestsPerMinute = Math.Min(RequestsPerMinute, requestsPerMinute);
        }
    }
}
