using System.Buffers;
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
            // They are copied out of the buffered answer into a pooled array, not a new one: an answer of more than
            // 85,000 bytes is a large object, collected only with generation 2, and a read of 500 projects left
            // hundreds of megabytes of them behind it, which set the run's peak memory.
            var (answer, length) = await BodyAsync(response.Content, cancellationToken);
            try
            {
                var status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    throw OctopusErrorBody.ToException(method.Method, display, status, response.ReasonPhrase, Encoding.UTF8.GetString(answer, 0, length));
                }

                return ParseBody(method.Method, display, status, answer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(answer);
            }
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

    /// <summary>The answer's bytes in an array rented from the shared pool (the caller returns it), and their length.</summary>
    private static async Task<(byte[] Buffer, int Length)> BodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Max(1, stream.Length) : 16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static JsonNode? ParseBody(string method, string display, int status, ReadOnlySpan<byte> body)
    {
        var json = body;
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
