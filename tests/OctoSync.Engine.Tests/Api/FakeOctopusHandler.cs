using System.Net;
using System.Text;

namespace OctoSync.Engine.Tests.Api;

/// <summary>
/// An in-memory Octopus Server for client unit tests: answers <c>/api</c> and <c>/api/spaces/all</c> like a real
/// server, routes other requests to responders registered with <see cref="On"/>, and records every request
/// with the (fake) time it arrived.
/// </summary>
internal sealed class FakeOctopusHandler(TimeProvider? time = null) : HttpMessageHandler
{
    public const string Spaces = """[{"Id":"Spaces-1","Name":"Default","IsDefault":true},{"Id":"Spaces-2","Name":"Second","IsDefault":false}]""";
    private readonly Dictionary<string, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>>> routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordedRequest> requests = [];
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public string ApiVersion { get; set; } = "3.0.0";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Answers <paramref name="method"/> on <paramref name="pathAndQuery"/> (a key without '?' matches any query; a key ending in '*' is a prefix).</summary>
    /// <param name="respond">Gets the request and the 1-based number of the call to this route.</param>
    public FakeOctopusHandler On(string method, string pathAndQuery, Func<HttpRequestMessage, int, HttpResponseMessage> respond) =>
        OnAsync(method, pathAndQuery, (r, n, _) => Task.FromResult(respond(r, n)));

    public FakeOctopusHandler OnAsync(string method, string pathAndQuery, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        routes[$"{method} {pathAndQuery}"] = respond;
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Json(string json) => Json(HttpStatusCode.OK, json);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var key = request.Headers.TryGetValues("X-Octopus-ApiKey", out var keys) ? keys.Single() : null;
        int call;
        lock (requests)
        {
            requests.Add(new RecordedRequest(request.Method.Method, uri.PathAndQuery, clock.GetUtcNow(), key, body));
        }

        var route = Find(request.Method.Method, uri.PathAndQuery, uri.AbsolutePath);
        if (route is null)
        {
            return Json(HttpStatusCode.NotFound, """{"ErrorMessage":"The resource you requested was not found."}""");
        }

        lock (calls)
        {
            call = calls[route.Value.Key] = calls.GetValueOrDefault(route.Value.Key) + 1;
        }

        var response = await route.Value.Respond(request, call, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private (string Key, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> Respond)? Find(string method, string pathAndQuery, string path)
    {
        foreach (var key in new[] { $"{method} {pathAndQuery}", $"{method} {path}" })
        {
            if (routes.TryGetValue(key, out var respond))
            {
                return (key, respond);
            }
        }

        foreach (var (key, respond) in routes)
        {
            if (key.EndsWith('*') && $"{method} {path}".StartsWith(key[..^1], StringComparison.OrdinalIgnoreCase))
            {
                return (key, respond);
            }
        }

        var api = path.EndsWith("/api", StringComparison.Ordinal) || path.EndsWith("/api/", StringComparison.Ordinal);
        if (method == "GET" && api)
        {
            return ("root", (_, _, _) => Task.FromResult(Json($$$"""{"Application":"Octopus Deploy","Version":"2026.1.0","ApiVersion":"{{{ApiVersion}}}","Links":{"Spaces":"/api/spaces{/id}{?skip,take}"}}""")));
        }

        return method == "GET" && path.EndsWith("/api/spaces/all", StringComparison.Ordinal)
            ? ("spaces", (_, _, _) => Task.FromResult(Json(Spaces)))
            : null;
    }
}

/// <summary>What the fake server received: never compare against the key outside header assertions.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, DateTimeOffset At, string? ApiKey, string? Body);
