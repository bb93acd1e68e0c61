using System.Diagnostics;
using System.Globalization;
using OctoSync.Emulator;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// An emulated Octopus Server in a child process (the benchmark run as <c>serve</c>), so that the CPU time and
/// memory the benchmark measures are OctoSync's alone. The parent talks to it over stdin/stdout, one line each:
/// <c>limit N</c> sets the rate limit, <c>counts</c> answers the requests served since the last <c>counts</c>
/// (by method, and how many were 429), <c>quit</c> stops it.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Process process;

    private EmulatorHost(Process process, Uri baseUrl, string apiKey)
    {
        this.process = process;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    public Uri BaseUrl { get; }

    public string ApiKey { get; }

    public static async Task<EmulatorHost> StartAsync(int latencyMs)
    {
        var start = BenchmarkChild.StartInfo("serve", latencyMs.ToString(CultureInfo.InvariantCulture));
        // The emulator writes nothing to stderr worth a pipe: let it through to the console.
        start.RedirectStandardError = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        var ready = (await process.StandardOutput.ReadLineAsync())?.Split(' ');
        if (ready is not ["ready", var url, var key])
        {
            process.Kill();
            throw new InvalidOperationException("The emulator process did not report ready.");
        }

        return new EmulatorHost(process, new Uri(url), key);
    }

    public Task SetRateLimitAsync(int perMinute) => AskAsync($"limit {perMinute.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Requests served since the last call, by method ("GET" → 12) and "429" → answers that were 429.</summary>
    public async Task<Dictionary<string, int>> TakeCountsAsync()
    {
        var answer = await AskAsync("counts");
        return answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await process.StandardInput.WriteLineAsync("quit");
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }

        process.Dispose();
    }

    private async Task<string> AskAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process stopped.");
    }

    /// <summary>The child's side: serve until <c>quit</c> or the parent goes away (stdin closes).</summary>
    public static async Task<int> ServeAsync(int latencyMs)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { LatencyMs = latencyMs });
        Console.WriteLine($"ready {server.BaseUrl} {server.ApiKey}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "limit":
                    server.RateLimitPerMinute = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    Console.WriteLine("ok");
                    break;
                case "counts":
                    var log = server.RequestLog;
                    server.ClearRequestLog();
                    var counts = log.GroupBy(e => e.Method).Select(g => $"{g.Key}={g.Count()}")
                        .Append($"429={log.Count(e => e.Status == 429)}");
                    Console.WriteLine("counts " + string.Join(' ', counts));
                    break;
                case "quit":
                    return 0;
            }
        }

        return 0;
    }
}
