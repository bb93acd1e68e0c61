using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OctoSync.Emulator.Hosting;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator;

/// <summary>
/// One emulated Octopus Server on 127.0.0.1: a fresh install (space `Spaces-1` with its defaults) served over
/// real HTTP by Kestrel, with knobs for latency, rate limiting and faults. See docs/emulator.md.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly Lazy<IReadOnlyList<RouteDef>> RouteDefs = new(RouteTable.Build);
    private readonly WebApplication app;
    private readonly RequestLog log;
    private readonly RateLimit rateLimit;

    private EmulatorServer(WebApplication app, ServerStore store, RequestLog log, RateLimit rateLimit, Uri baseUrl, string apiKey, WriteGate writes)
    {
        Writes = writes;
        Packages = new PackageShelf(store);
        this.app = app;
        Store = store;
        this.log = log;
        this.rateLimit = rateLimit;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    /// <summary>Base address, e.g. `http://127.0.0.1:53211/`.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server version this emulator is (<see cref="EmulatorOptions.ServerVersion"/>).</summary>
    public ServerProfile Profile => Store.Profile;

    public string ApiKey { get; }

    /// <summary>The `InstallationId` of `GET /api` (<see cref="EmulatorOptions.InstallationId"/>; random by default).</summary>
    public string InstallationId => Store.InstallationId;

    /// <summary>
    /// Requests per minute the server allows now (0 = no limit); starts at <see cref="EmulatorOptions.RateLimitPerMinute"/>.
    /// Settable while running so tests and benchmarks can seed at full speed and then enforce a limit.
    /// </summary>
    public int RateLimitPerMinute
    {
        get => rateLimit.PerMinute;
        set => rateLimit.PerMinute = value;
    }

    /// <summary>A test knob: counts writes, holds one, loses answers (see <see cref="WriteGate"/>).</summary>
    public WriteGate Writes { get; }

    /// <summary>A test knob: package versions in the feeds (see <see cref="PackageShelf"/>).</summary>
    public PackageShelf Packages { get; }

    /// <summary>The raw store, secrets included: for tests that prove a secret was kept (hold <see cref="ServerStore.Gate"/>).</summary>
    internal ServerStore Store { get; }

    /// <summary>A snapshot of every request served so far (thread-safe).</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => log.Snapshot();

    /// <summary>
    /// Every (method, template) the emulator serves, in the `/api/{spaceId}/…` and legacy `/api/…` forms
    /// (the `/api/spaces/{spaceId}/…` alias of each space route is served too but not listed).
    /// </summary>
    public static IReadOnlyList<EmulatorRoute> Routes { get; } = RoutesOf(ServerProfile.Default);

    /// <summary>The routes of one server profile (<see cref="Routes"/> is the default profile's).</summary>
    public static IReadOnlyList<EmulatorRoute> RoutesOf(ServerProfile profile) => RouteDefs.Value
        .Where(r => r.ServedBy(profile))
        .SelectMany(r => r.SpaceScoped
            ? new[] { new EmulatorRoute(r.Method, Join("/api/{spaceId}", r.Template)), new EmulatorRoute(r.Method, Join("/api", r.Template)) }
            : [new EmulatorRoute(r.Method, Join("/api", r.Template))])
        .Distinct()
        .ToList();

    public void ClearRequestLog() => log.Clear();

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();

        var profile = ServerProfile.Parse(options.ServerVersion);
        var store = new ServerStore(profile) { InstallationId = options.InstallationId ?? Guid.NewGuid().ToString() };
        SpaceSeed.SeedServer(store);
        var log = new RequestLog(options.RequestLogPath);
        var rateLimit = new RateLimit(options.RateLimitPerMinute ?? profile.DefaultRateLimitPerMinute, TimeProvider.System);
        var writes = new WriteGate();
        Pipeline.Configure(app, options, log, rateLimit, new ApiDispatcher(store, new Router(RouteDefs.Value.Where(r => r.ServedBy(profile)).ToList())), writes);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorServer(app, store, log, rateLimit, new Uri($"http://127.0.0.1:{port}/"), options.ApiKey, writes);
    }

    /// <summary>Runs a server until <paramref name="ct"/> is cancelled (the `octosync emulator` command).</summary>
    public static async Task RunAsync(EmulatorOptions options, Action<EmulatorServer>? started = null, CancellationToken ct = default)
    {
        await using var server = await StartAsync(options, ct);
        started?.Invoke(server);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: a normal way to stop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string Join(string prefix, string template) => template.Length == 0 ? prefix : prefix + "/" + template;
}
