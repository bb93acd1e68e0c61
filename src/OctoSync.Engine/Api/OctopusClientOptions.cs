namespace OctoSync.Engine.Api;

/// <summary>How <see cref="OctopusClient"/> talks to a server: concurrency, retries, timeouts and test seams.</summary>
public sealed record OctopusClientOptions
{
    /// <summary>Requests in flight at once across one client, retries and their back-off included.</summary>
    /// <value>Default 4.</value>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>Retries after the first attempt of one request (429, 408, 5xx, dropped connections, timeouts).</summary>
    /// <value>Default 6.</value>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First back-off delay; later ones grow exponentially with jitter. A <c>Retry-After</c> header wins.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a <c>Retry-After</c> header may ask for; a longer one is cut to this.</summary>
    /// <value>Default 2 minutes.</value>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one attempt — connecting included — may go without an answer (<c>timeout</c> in octosync.yaml,
    /// <c>--timeout</c>). A timed-out attempt is not retried: a server that does not answer within this bound is
    /// reported as not answering, so a run against it fails within the bound instead of after every retry.
    /// </summary>
    /// <value>Default 100 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Called before each retry's wait, so the wait can be shown (<c>waiting 30 s: 429 from prod (retry 2/6)</c>).</summary>
    public Action<RetryWait>? OnRetryWait { get; init; }

    /// <summary>The clock of back-off delays and timeouts (tests pass a fake one).</summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The innermost handler (tests pass a fake one). Null = a <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Sent as the <c>User-Agent</c> header.</summary>
    public string UserAgent { get; init; } = "OctoSync/1.0";

    internal void Validate()
    {
        if (MaxConcurrentRequests < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), MaxConcurrentRequests, "At least one request must be allowed.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Retries cannot be negative.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
        }
    }
}
