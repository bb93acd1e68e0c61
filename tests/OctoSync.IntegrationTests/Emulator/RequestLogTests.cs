using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Every_request_is_logged_without_the_api_key()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var client = new HttpClient { BaseAddress = session.Server.BaseUrl };

        await session.GetAsync("/api/Spaces-1/environments?skip=0");
        (await client.GetAsync(new Uri($"api/Spaces-1/projects?ApiKey={session.Server.ApiKey}&take=5", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("api/Spaces-1/projects", UriKind.Relative))).Dispose();

        var log = session.Server.RequestLog;
        Assert.Equal(3, log.Count);
        Assert.Equal(("GET", "/api/Spaces-1/environments?skip=0", 200), (log[0].Method, log[0].Path, log[0].Status));
        Assert.Equal("/api/Spaces-1/projects?apikey=***&take=5", log[1].Path);
        Assert.Equal(401, log[2].Status);
        Assert.All(log, e => Assert.DoesNotContain(session.Server.ApiKey, e.Path, StringComparison.Ordinal));

        session.Server.ClearRequestLog();
        Assert.Empty(session.Server.RequestLog);
    }

    [Fact]
    public async Task Request_log_file_gets_one_json_line_per_request_and_never_the_key()
    {
        var file = Path.Combine(Path.GetTempPath(), $"octosync-emulator-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var session = await EmulatorSession.StartAsync(new EmulatorOptions { RequestLogPath = file, ApiKey = "API-SECRETKEY123" }))
            {
                using var client = new HttpClient { BaseAddress = session.Server.BaseUrl };
                await session.GetAsync("/api/Spaces-1/environments");
                (await client.GetAsync(new Uri("api/Spaces-1/environments?apikey=API-SECRETKEY123", UriKind.Relative))).Dispose();
            }

            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(2, lines.Length);
            var first = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!;
            Assert.Equal("GET", (string?)first["method"]);
            Assert.Equal("/api/Spaces-1/environments", (string?)first["path"]);
            Assert.Equal(200, (int)first["status"]!);
            Assert.NotNull(first["ms"]);
            Assert.NotNull(first["time"]);
            Assert.DoesNotContain("API-SECRETKEY123", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
