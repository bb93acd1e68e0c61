using OctoSync.Cli.Infrastructure;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;

namespace OctoSync.IntegrationTests.Api;

public sealed class PacingTests : IDisposable
{
    private const int Limit = 1200;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("octosync-pacing-");

    [Fact]
    public async Task A_paced_run_right_after_the_budget_was_spent_gets_no_429()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.RateLimitPerMinute = Limit;
        await SpendTheBudgetAsync(server, Limit);
        server.ClearRequestLog();

        // Source and destination are two spaces' worth of reads on one instance: one bucket paces them together.
        var configuration = Configure(server, $"requestsPerMinute: {Limit}");
        var plans = await new SyncRunner(DefaultServices.Sync()).PlanAsync(configuration);
        (plans.Single().Client as IDisposable)?.Dispose();

        var log = server.RequestLog;
        Assert.True(log.Count >= 30, $"only {log.Count} requests: the run should read both sides");
        Assert.DoesNotContain(log, e => e.Status == 429);
    }

    [Fact]
    public async Task The_same_run_unpaced_is_refused_with_429()
    {
        // The control of the test above: without the pacer a read after the spent budget is a 429. The limit is
        // lower here so that a client slowed by a busy machine still outruns the refill (one token a second).
        await using var server = await EmulatorServer.StartAsync();
        server.RateLimitPerMinute = 60;
        await SpendTheBudgetAsync(server, 60);
        server.ClearRequestLog();

        var configuration = Configure(server, "");
        var runner = new SyncRunner(DefaultServices.Sync() with
        {
            Connect = (c, ct) => OctopusClient.ConnectAsync(c, new OctopusClientOptions { MaxRetries = 0 }, ct),
        });

        await Assert.ThrowsAsync<SyncException>(() => runner.PlanAsync(configuration));
        Assert.Contains(server.RequestLog, e => e.Status == 429);
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>Reads until the server answers 429: the budget is spent, as by a previous run or a person in the portal.</summary>
    private static async Task SpendTheBudgetAsync(EmulatorServer server, int limit)
    {
        using var client = await Emulated.ConnectAsync(server, new OctopusClientOptions { MaxRetries = 0, MaxConcurrentRequests = 8 });
        for (var round = 0; round < (2 * limit / 50) + 1; round++)
        {
            var reads = Enumerable.Range(0, 50).Select(_ => client.GetAsync("environments")).ToList();
            try
            {
                await Task.WhenAll(reads);
            }
            catch (OctopusApiException e) when (e.StatusCode == 429)
            {
                return;
            }
        }

        Assert.Fail("the emulator never answered 429");
    }

    private SyncConfiguration Configure(EmulatorServer server, string pace)
    {
        var path = Path.Combine(folder.FullName, "octosync.yaml");
        Environment.SetEnvironmentVariable("OCTOSYNC_PACING_TEST_KEY", server.ApiKey);
        File.WriteAllText(path, $"""
            source:
              url: {server.BaseUrl}
              apiKey: ${"{"}OCTOSYNC_PACING_TEST_KEY{"}"}
              {pace}
            destinations:
              - name: paced
                url: {server.BaseUrl}
                apiKey: ${"{"}OCTOSYNC_PACING_TEST_KEY{"}"}
                {pace}
            state:
              path: state
            """);
        return ConfigurationLoader.Load(path);
    }
}
