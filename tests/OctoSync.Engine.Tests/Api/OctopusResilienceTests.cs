using System.Net;
using Microsoft.Extensions.Time.Testing;
using OctoSync.Engine.Api;
using Polly;
using Polly.Timeout;

namespace OctoSync.Engine.Tests.Api;

public class OctopusResilienceTests
{
    public static TheoryData<string, int, bool> StatusCases => new()
    {
        { "GET", 429, true }, { "GET", 408, true }, { "GET", 500, true }, { "GET", 502, true }, { "GET", 503, true }, { "GET", 504, true },
        { "GET", 400, false }, { "GET", 401, false }, { "GET", 404, false }, { "GET", 501, false },
        { "PUT", 503, true }, { "DELETE", 500, true },
        { "POST", 429, true }, { "POST", 500, false }, { "POST", 503, false }, { "POST", 408, false }, { "POST", 400, false },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void ShouldRetry_ByMethodAndStatus(string method, int status, bool expected)
    {
        var outcome = Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)status));

        Assert.Equal(expected, OctopusResilience.ShouldRetry(new HttpMethod(method), outcome));
    }

    public static TheoryData<string, Exception, bool> ExceptionCases => new()
    {
        { "GET", new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"), true },
        { "GET", new IOException("connection reset"), true },
        { "GET", new TimeoutRejectedException(), false },
        { "POST", new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"), false },
        { "POST", new TimeoutRejectedException(), false },
        // Nothing reached the server, so even a POST is safe to repeat.
        { "POST", new HttpRequestException(HttpRequestError.ConnectionError, "refused"), true },
        { "GET", new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(ExceptionCases))]
    public void ShouldRetry_ByMethodAndException(string method, Exception exception, bool expected) =>
        Assert.Equal(expected, OctopusResilience.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(exception)));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "7", 7.0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "2", 2.0)]
    [InlineData(HttpStatusCode.TooManyRequests, "3600", 120.0)]
    [InlineData(HttpStatusCode.TooManyRequests, null, null)]
    [InlineData(HttpStatusCode.InternalServerError, "7", null)]
    public void RetryAfter_DeltaSeconds_IsHonouredUpToTheCap(HttpStatusCode status, string? header, double? expectedSeconds)
    {
        var response = new HttpResponseMessage(status);
        if (header is not null)
        {
            response.Headers.Add("Retry-After", header);
        }

        var wait = OctopusResilience.RetryAfter(response, TimeProvider.System, TimeSpan.FromMinutes(2));

        Assert.Equal(expectedSeconds, wait?.TotalSeconds);
    }

    [Fact]
    public void RetryAfter_HttpDate_IsMeasuredFromTheClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "Thu, 26 Nov 2026 06:00:45 GMT");

        Assert.Equal(TimeSpan.FromSeconds(45), OctopusResilience.RetryAfter(response, time, TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task TooManyRequests_WaitsWhatRetryAfterSaysThenSucceeds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time).On("GET", "/api/Spaces-1/projects/all", (_, call) =>
            call == 1 ? Throttled("5") : FakeOctopusHandler.Json("[]"));
        using var client = await FakeServer.ConnectAsync(handler, Options(time));

        await Drive(client.GetAllAsync("projects"), time);

        var attempts = handler.Requests.Where(r => r.PathAndQuery.EndsWith("/projects/all", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(5), $"waited {attempts[1].At - attempts[0].At}");
        Assert.Equal(1, client.RetryCount);
        Assert.Equal(4, client.RequestCount);
    }

    [Fact]
    public async Task Post_IsRetriedOnTooManyRequests_ButNotAfterAServerError()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time)
            .On("POST", "/api/Spaces-1/environments", (_, call) => call == 1 ? Throttled("1") : FakeOctopusHandler.Json(HttpStatusCode.Created, """{"Id":"Environments-1"}"""))
            .On("POST", "/api/Spaces-1/projects", (_, _) => FakeOctopusHandler.Json(HttpStatusCode.InternalServerError, """{"ErrorMessage":"Boom"}"""));
        using var client = await FakeServer.ConnectAsync(handler, Options(time));

        await Drive(client.CreateAsync("environments", new() { ["Name"] = "Dev" }), time);
        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => Drive(client.CreateAsync("projects", new() { ["Name"] = "OctoFx" }), time));

        Assert.Equal(2, handler.Requests.Count(r => r.PathAndQuery == "/api/Spaces-1/environments"));
        Assert.Equal(1, handler.Requests.Count(r => r.PathAndQuery == "/api/Spaces-1/projects"));
        Assert.Equal(500, ex.StatusCode);
    }

    [Fact]
    public async Task Get_DroppedConnectionsAndServerErrors_AreRetriedUntilTheyPass()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time).On("GET", "/api/Spaces-1/lifecycles/all", (_, call) => call switch
        {
            1 => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
            2 => FakeOctopusHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => FakeOctopusHandler.Json("""[{"Id":"Lifecycles-1"}]"""),
        });
        using var client = await FakeServer.ConnectAsync(handler, Options(time));

        var lifecycles = await Drive(client.GetAllAsync("lifecycles"), time);

        Assert.Single(lifecycles);
        Assert.Equal(2, client.RetryCount);
    }

    [Fact]
    public async Task Get_GivesUpAfterMaxRetries_WithTheLastStatus()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time).On("GET", "/api/Spaces-1/feeds/all", (_, _) =>
            FakeOctopusHandler.Json(HttpStatusCode.ServiceUnavailable, """{"ErrorMessage":"Octopus is starting"}"""));
        using var client = await FakeServer.ConnectAsync(handler, Options(time) with { MaxRetries = 3 });

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => Drive(client.GetAllAsync("feeds"), time));

        Assert.Equal(503, ex.StatusCode);
        Assert.Contains("Octopus is starting", ex.Message);
        Assert.Equal(4, handler.Requests.Count(r => r.PathAndQuery.EndsWith("/feeds/all", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Get_AHangingAttemptTimesOutAndIsNotRetried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time).OnAsync("GET", "/api/Spaces-1/teams/all", async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            return FakeOctopusHandler.Json("[]");
        });
        using var client = await FakeServer.ConnectAsync(handler, Options(time) with { RequestTimeout = TimeSpan.FromSeconds(10) });

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => Drive(client.GetAllAsync("teams"), time));

        // A server that does not answer within the timeout fails after one attempt, not after every retry.
        Assert.Contains("timed out after 10 s", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests, r => r.PathAndQuery.EndsWith("/teams/all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_EachRetryWaitIsReportedWithItsReasonAndCount()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new FakeOctopusHandler(time).On("GET", "/api/Spaces-1/feeds/all", (_, call) =>
            call <= 2 ? Throttled("30") : FakeOctopusHandler.Json("[]"));
        var waits = new List<RetryWait>();
        using var client = await FakeServer.ConnectAsync(handler, Options(time) with { OnRetryWait = w => { lock (waits) { waits.Add(w); } } });

        await Drive(client.GetAllAsync("feeds"), time);

        Assert.Equal(["waiting 30 s: 429 from prod (retry 1/6)", "waiting 30 s: 429 from prod (retry 2/6)"], waits.Select(w => w.Describe("prod")));
    }

    private static OctopusClientOptions Options(TimeProvider time) => new()
    {
        TimeProvider = time,
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
    };

    private static HttpResponseMessage Throttled(string retryAfter)
    {
        var response = FakeOctopusHandler.Json(HttpStatusCode.TooManyRequests, """{"ErrorMessage":"Too many requests"}""");
        response.Headers.Add("Retry-After", retryAfter);
        return response;
    }

    /// <summary>Moves the fake clock in small steps until the task is done (bounded: 20 minutes of fake time).</summary>
    private static async Task<T> Drive<T>(Task<T> task, FakeTimeProvider time)
    {
        for (var step = 0; step < 6000 && !task.IsCompleted; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        return await task;
    }
}
