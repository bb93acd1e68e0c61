using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OctoSync.Engine.Api;

/// <summary>
/// The one retry policy of every Octopus request: retry 429, 408, 5xx, dropped connections and timed-out attempts
/// with exponential back-off and jitter, waiting as long as <c>Retry-After</c> says on 429 and 503
/// (Octopus 2026.3 rate-limits to 200 requests a minute per user and answers 429 with <c>Retry-After</c>).
/// A POST is retried only when the server cannot have processed it (429, or no connection was made):
/// after a 5xx or a dropped connection it may have created the object, and a second POST would duplicate it.
/// </summary>
public static class OctopusResilience
{
    /// <summary>Name of the pipeline in the resilience handler (it shows in telemetry).</summary>
    public const string PipelineName = "octopus";

    /// <summary>Adds the retry (outer) and per-attempt timeout (inner) strategies to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, OctopusClientOptions options, Action? onRetry = null)
    {
        builder.TimeProvider = options.TimeProvider;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.TimeProvider, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    onRetry?.Invoke();
                    options.OnRetryWait?.Invoke(new RetryWait(args.RetryDelay, Describe(args.Outcome), args.AttemptNumber + 1, options.MaxRetries));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.RequestTimeout);
    }

    /// <summary>Whether an attempt with this outcome is worth repeating.</summary>
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        // POST (and PATCH) are not idempotent: the server may have acted on a request whose answer we lost.
        var idempotent = method != HttpMethod.Post && method != HttpMethod.Patch;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status == 429
                || idempotent && (status == 408 || status >= 500 && status is not 501 and not 505);
        }

        return outcome.Exception switch
        {
            // No connection was made, so nothing reached the server: safe for any method.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            // An attempt that got no answer within the timeout is not repeated: the timeout bounds how long a run waits
            // for a server that does not answer (issue #9: a silent server took 739 s to fail through its retries).
            TimeoutRejectedException => false,
            HttpRequestException or IOException => idempotent,
            _ => false,
        };
    }

    /// <summary>What an attempt's outcome was, for the wait line: <c>429</c>, <c>503</c>, <c>connection refused</c>.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => "connection refused",
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } } => "name not resolved",
        { Exception: HttpRequestException or IOException } => "connection dropped",
        { Exception: TimeoutRejectedException } => "no answer",
        _ => "error",
    };

    /// <summary>
    /// The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), at most <paramref name="max"/>;
    /// null (use exponential back-off) when there is none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var wait = Parse(response.Headers.RetryAfter, time);
        return wait is null ? null : wait.Value > max ? max : wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value;
    }

    private static TimeSpan? Parse(RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
