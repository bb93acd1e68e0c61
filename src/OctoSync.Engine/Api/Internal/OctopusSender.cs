using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using Polly.Timeout;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Sends one request to an Octopus server and maps the outcome: a JSON document on success, an
/// <see cref="OctopusApiException"/> on anything else. A semaphore bounds the requests in flight across the client;
/// a request keeps its slot through its retries so that back-off really lowers the load on the server.
/// </summary>
internal sealed class OctopusSender : IDisposable
{
    private const string JsonMediaType = "application/json";
    private readonly OctopusHttp http;
    private readonly SemaphoreSlim gate;
    private readonly OctopusClientOptions options;

    public OctopusSender(OctopusConnection connection, OctopusClientOptions options)
    {
        options.Validate();
        this.options = options;
        ServerUrl = OctopusUrls.NormalizeServer(connection.Url);
        Counters = new OctopusRequestCounters();
        Pacer = connection.RequestsPerMinute is { } perMinute ? RequestPacer.For(ServerUrl, perMinute, options.TimeProvider) : null;
        http = new OctopusHttp(connection.ApiKey, options, Counters, Pacer);
        gate = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
    }

    public Uri ServerUrl { get; }

    public OctopusRequestCounters Counters { get; }

    /// <summary>The instance's pace, or null when <c>requestsPerMinute</c> is not set.</summary>
    public RequestPacer? Pacer { get; }

    /// <summary>Sends the request; returns the parsed body, or null for an empty one.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, Uri url, JsonObject? body, CancellationToken cancellationToken)
    {
        var display = OctopusUrls.Display(url);
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType);
            }

            using var response = await SendWithoutResponseAsync(request, display, cancellationToken);
            // The UTF-8 bytes, parsed as they are (issue #10): a whole answer as a string first doubled it in memory.
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw OctopusErrorBody.ToException(method.Method, display, status, response.ReasonPhrase, Encoding.UTF8.GetString(answer));
            }

            return ParseBody(method.Method, display, status, answer);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        http.Dispose();
        gate.Dispose();
    }

    private async Task<HttpResponseMessage> SendWithoutResponseAsync(HttpRequestMessage request, string display, CancellationToken cancellationToken)
    {
        try
        {
            return await http.Client.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new OctopusApiException(request.Method.Method, display, 0, $"timed out after {options.RequestTimeout.TotalSeconds:0.#} s", [], ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new OctopusApiException(request.Method.Method, display, 0, ex.Message, [], ex);
        }
    }

    private static JsonNode? ParseBody(string method, string display, int status, byte[] body)
    {
        var json = body.AsSpan();
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            // A byte order mark, as decoding to a string dropped it.
            json = json[Encoding.UTF8.Preamble.Length..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return CompactJsonParser.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new OctopusApiException(method, display, status, "The response is not JSON; is this the URL of an Octopus Server?", [], ex);
        }
    }
}
