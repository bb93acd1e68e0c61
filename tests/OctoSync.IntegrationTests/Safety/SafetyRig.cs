using System.Net;
using System.Net.Sockets;
using OctoSync.Cli;
using OctoSync.Cli.Demo;
using OctoSync.Cli.Infrastructure;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.Safety;

/// <summary>
/// A source and one or more destination emulators (the seed's OctoFx example), a configuration written from a
/// template, and the real command-line app — with standard error captured and every write the instances received.
/// Template placeholders: <c>{source}</c>, <c>{dest0}</c>, <c>{dest1}</c>… (URLs); keys as <c>${SRC}</c>, <c>${D0}</c>, <c>${D1}</c>….
/// </summary>
internal sealed class SafetyRig : IAsyncDisposable
{
    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);

    private SafetyRig(EmulatorServer source, IReadOnlyList<EmulatorServer> destinations, string folder)
    {
        Source = source;
        Destinations = destinations;
        Folder = folder;
        keys["SRC"] = source.ApiKey;
        for (var i = 0; i < destinations.Count; i++)
        {
            keys[$"D{i}"] = destinations[i].ApiKey;
        }
    }

    public EmulatorServer Source { get; }
    public IReadOnlyList<EmulatorServer> Destinations { get; }
    public string Folder { get; }
    public string ConfigPath => Path.Combine(Folder, "octosync.yaml");
    public string StateFolder => Path.Combine(Folder, ".octosync", "state");

    /// <summary>Wraps each destination's HTTP transport (by destination URL); null = the real one.</summary>
    public Func<Uri, HttpMessageHandler?>? Transport { get; set; }

    /// <summary>Retries wait this long at first (fast for unreachable servers in tests).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    public static async Task<SafetyRig> StartAsync(int destinations = 1)
    {
        var source = await EmulatorServer.StartAsync();
        var list = new List<EmulatorServer>();
        for (var i = 0; i < destinations; i++)
        {
            list.Add(await EmulatorServer.StartAsync());
        }

        using (var client = await OctopusClient.ConnectAsync(new OctopusConnection(source.BaseUrl, source.ApiKey, null)) as OctopusSpaceClient)
        {
            await OctoFxExample.SeedSourceAsync(client!);
        }

        foreach (var d in list)
        {
            using var client = await OctopusClient.ConnectAsync(new OctopusConnection(d.BaseUrl, d.ApiKey, null)) as OctopusSpaceClient;
            await OctoFxExample.SeedDestinationAsync(client!);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"octosync-safety-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var rig = new SafetyRig(source, list, folder);
        rig.ClearLogs();
        return rig;
    }

    /// <summary>The usual file: one entry per destination (<c>d0</c>, <c>d1</c>…), Test → Staging.</summary>
    public string DefaultYaml(string extra = "")
    {
        var lines = new List<string> { "source:", "  url: {source}", "  apiKey: ${SRC}", "destinations:" };
        for (var i = 0; i < Destinations.Count; i++)
        {
            lines.AddRange([$"  - name: d{i}", $"    url: {{dest{i}}}", $"    apiKey: ${{D{i}}}", "    environments: { Test: Staging }"]);
        }

        return string.Join('\n', lines) + "\n" + extra;
    }

    public void WriteConfig(string template)
    {
        var text = template.Replace("{source}", Source.BaseUrl.ToString(), StringComparison.Ordinal);
        for (var i = 0; i < Destinations.Count; i++)
        {
            text = text.Replace($"{{dest{i}}}", Destinations[i].BaseUrl.ToString(), StringComparison.Ordinal);
        }

        File.WriteAllText(ConfigPath, text);
    }

    public void SetKey(string name, string value) => keys[name] = value;

    public CliServices Services(TextWriter diagnostics) => DefaultServices.Cli with
    {
        LoadConfiguration = path => ConfigurationLoader.Load(path, name => keys.GetValueOrDefault(name)),
        IsInputRedirected = () => true,
        Diagnostics = diagnostics,
        Sync = DefaultServices.Sync() with
        {
            ConnectWith = (connection, options, ct) => OctopusClient.ConnectAsync(connection,
                options with { RetryBaseDelay = RetryBaseDelay, HttpMessageHandler = Transport?.Invoke(connection.Url) }, ct),
        },
    };

    /// <summary>Runs <c>octosync args… -c octosync.yaml</c>; Output is standard output, Errors standard error.</summary>
    public async Task<Run> RunAsync(params string[] args)
    {
        // Wide enough that no message is wrapped: the tests look for whole sentences.
        var console = new TestConsole().Width(2000);
        var errors = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "-c", ConfigPath], console, Services(errors));
        return new Run(exit, console.Output, errors.ToString());
    }

    /// <summary>POST, PUT and DELETE that reached any instance since the last <see cref="ClearLogs"/>.</summary>
    public IReadOnlyList<string> Writes() =>
        Destinations.SelectMany((d, i) => d.RequestLog.Where(IsWrite).Select(e => $"d{i}: {e.Method} {e.Path} {e.Status}"))
            .Concat(Source.RequestLog.Where(IsWrite).Select(e => $"source: {e.Method} {e.Path} {e.Status}"))
            .ToList();

    public IReadOnlyList<string> WritesTo(int destination) =>
        Destinations[destination].RequestLog.Where(IsWrite).Select(e => $"{e.Method} {e.Path} {e.Status}").ToList();

    public void ClearLogs()
    {
        Source.ClearRequestLog();
        foreach (var d in Destinations)
        {
            d.ClearRequestLog();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        foreach (var d in Destinations)
        {
            await d.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: leaving it behind is harmless.
        }
    }

    private static bool IsWrite(RequestLogEntry e) => e.Method is "POST" or "PUT" or "DELETE";

    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        public string All => Output + "\n" + Errors;
    }
}

/// <summary>A TCP server on 127.0.0.1 that accepts connections and never answers (a hung Octopus).</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();

    public SilentServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
        {
            foreach (var c in held)
            {
                c.Dispose();
            }
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (held)
                {
                    held.Add(client);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

/// <summary>
/// The destination's transport, revoking the API key after <paramref name="allowedWrites"/> writes: from then on
/// every request is answered 401 like Octopus does for a bad key, without reaching the emulator — so the emulator's
/// request log shows exactly which writes were sent.
/// </summary>
internal sealed class RevokingHandler(int allowedWrites) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private int writes;

    public int RefusedRequests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isWrite = request.Method == HttpMethod.Post || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;
        if (Volatile.Read(ref writes) >= allowedWrites && (isWrite || writes > 0))
        {
            RefusedRequests++;
            return new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent("""{"ErrorMessage":"You must be logged in to perform this action. Please provide a valid API key or log in again.","Errors":[]}""", System.Text.Encoding.UTF8, "application/json"),
            };
        }

        if (isWrite)
        {
            Interlocked.Increment(ref writes);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
