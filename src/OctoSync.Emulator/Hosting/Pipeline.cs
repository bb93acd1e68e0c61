using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Hosting;

/// <summary>
/// The request pipeline, outermost first: request log, rate limit (429 + Retry-After), random faults,
/// latency, authentication, then the API itself.
/// </summary>
internal static class Pipeline
{
    public const string AuthErrorMessage =
        "You must be logged in to perform this action. Please provide a valid API key or log in again.";

    public static void Configure(WebApplication app, EmulatorOptions options, RequestLog log, RateLimit rateLimit, ApiDispatcher dispatcher, WriteGate writes)
    {
        var faults = new FaultInjector(options.FaultRate, options.FaultSeed);

        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var time = DateTimeOffset.UtcNow;
            try
            {
                await next(http);
            }
            finally
            {
                var status = http.Items.ContainsKey(nameof(Fault.DropConnection)) ? 0 : http.Response.StatusCode;
                var path = RequestLog.Redact(http.Request.Path + http.Request.QueryString);
                log.Add(new RequestLogEntry(time, http.Request.Method, path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        });

        app.Use(async (http, next) =>
        {
            if (!rateLimit.TryTake(out var retryAfter))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await HttpJson.WriteAsync(http, 429, ApiException.Body(
                    "Too many requests. Please slow down.",
                    [$"The emulator allows {rateLimit.PerMinute} requests per minute; retry after {seconds} seconds."]));
                return;
            }

            switch (faults.Next())
            {
                case Fault.InternalServerError:
                    await HttpJson.WriteAsync(http, 500, ApiException.Body("An unexpected error occurred (emulated fault).", ["Emulated fault."]));
                    return;
                case Fault.ServiceUnavailable:
                    await HttpJson.WriteAsync(http, 503, ApiException.Body("The service is temporarily unavailable (emulated fault).", ["Emulated fault."]));
                    return;
                case Fault.DropConnection:
                    http.Items[nameof(Fault.DropConnection)] = true;
                    http.Abort();
                    return;
            }

            if (options.LatencyMs > 0)
            {
                await Task.Delay(options.LatencyMs, http.RequestAborted);
            }

            await next(http);
        });

        app.Use(async (http, next) =>
        {
            if (IsAnonymous(http.Request) || Authenticated(http.Request, options.ApiKey))
            {
                await next(http);
                return;
            }

            await HttpJson.WriteAsync(http, 401, ApiException.Body(AuthErrorMessage, [AuthErrorMessage]));
        });

        app.Use((http, next) => writes.InvokeAsync(http, () => next(http)));

        app.Run(dispatcher.HandleAsync);
    }

    /// <summary>Like the real server, the API root answers without a key (clients read it before logging in).</summary>
    private static bool IsAnonymous(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && (request.Path.Value ?? "").Trim('/').Equals("api", StringComparison.OrdinalIgnoreCase);

    private static bool Authenticated(HttpRequest request, string apiKey)
    {
        var presented = request.Headers["X-Octopus-ApiKey"].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query["apikey"].ToString(); // query keys are case-insensitive (ApiKey, apikey)
        }

        if (string.IsNullOrEmpty(presented) && request.Headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = auth["Bearer ".Length..].Trim();
        }

        return string.Equals(presented, apiKey, StringComparison.Ordinal);
    }
}
