using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Builds the <see cref="HttpClient"/> of one Octopus client through <see cref="IHttpClientFactory"/>:
/// API key header → resilience pipeline (<see cref="OctopusResilience"/>) → pacing (when <c>requestsPerMinute</c> is set) →
/// request counting and body buffering →
/// primary handler. The service provider lives as long as the client.
/// </summary>
internal sealed class OctopusHttp : IDisposable
{
    private const string ClientName = "octopus";
    private readonly ServiceProvider services;

    public OctopusHttp(string apiKey, OctopusClientOptions options, OctopusRequestCounters counters, RequestPacer? pacer)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(options.TimeProvider);
        var http = collection.AddHttpClient(ClientName, client =>
            {
                // The pipeline times out each attempt; HttpClient's own timeout would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Add("X-Octopus-ApiKey", apiKey);
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => options.HttpMessageHandler ?? CreateSocketsHandler())
            // One client, one handler chain: rotating handlers buys nothing for a short-lived CLI run.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Handlers run in the order added: the pipeline wraps the counting handler, so each retry is counted.
        http.AddResilienceHandler(OctopusResilience.PipelineName, builder => OctopusResilience.Configure(builder, options, counters.CountRetry));
        if (pacer is not null)
        {
            http.AddHttpMessageHandler(() => new PacingHandler(pacer));
        }

        http.AddHttpMessageHandler(() => new RequestCountingHandler(counters));
        services = collection.BuildServiceProvider();
        Client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    public HttpClient Client { get; }

    public void Dispose() => services.Dispose();

    private static SocketsHttpHandler CreateSocketsHandler() => new()
    {
        // A redirect to another host would carry the X-Octopus-ApiKey header there.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
