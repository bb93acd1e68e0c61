using System.Net;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>`EmulatorServer.RateLimitPerMinute` changes the limit while the server runs (seed fast, then enforce).</summary>
public sealed class RuntimeRateLimitTests
{
    [Fact]
    public async Task Seeding_with_the_limit_off_then_enforcing_it()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 2 });
        session.Server.RateLimitPerMinute = 0;
        for (var i = 0; i < 5; i++)
        {
            await session.CreateEnvironmentAsync($"Env {i}");
        }

        session.Server.RateLimitPerMinute = 2;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await session.Http.GetAsync(new Uri("api/Spaces-1/environments", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, session.Server.RateLimitPerMinute);
    }

    [Fact]
    public async Task Switching_the_limit_off_lets_a_limited_client_through_at_once()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 1 });
        using (var first = await session.Http.GetAsync(new Uri("api/Spaces-1/environments", UriKind.Relative)))
        using (var second = await session.Http.GetAsync(new Uri("api/Spaces-1/environments", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        }

        session.Server.RateLimitPerMinute = 0;

        await session.GetAsync("/api/Spaces-1/environments");
        Assert.Equal(0, session.Server.RateLimitPerMinute);
    }

    [Fact]
    public async Task A_negative_limit_is_refused()
    {
        await using var session = await EmulatorSession.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => session.Server.RateLimitPerMinute = -1);
    }
}
