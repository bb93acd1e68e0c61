using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>A started emulator plus a plain HttpClient that sends the API key header — no OctoSync code involved.</summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(EmulatorServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl };
        Http.DefaultRequestHeaders.Add("X-Octopus-ApiKey", server.ApiKey);
    }

    public EmulatorServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options));

    public async Task<JsonNode> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return await ReadAsync(response, expected);
    }

    public async Task<JsonObject> GetObjectAsync(string path) => (JsonObject)await GetAsync(path);

    public Task<JsonNode> PostAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.Created) =>
        SendAsync(HttpMethod.Post, path, body, expected);

    public Task<JsonNode> PutAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Put, path, body, expected);

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return await ReadAsync(response, expected);
    }

    /// <summary>Creates a project in the default group and lifecycle; returns the project document.</summary>
    public async Task<JsonObject> CreateProjectAsync(string name) =>
        (JsonObject)await PostAsync("/api/Spaces-1/projects", new JsonObject
        {
            ["Name"] = name,
            ["ProjectGroupId"] = "ProjectGroups-1",
            ["LifecycleId"] = "Lifecycles-1",
        });

    public async Task<JsonObject> CreateEnvironmentAsync(string name) =>
        (JsonObject)await PostAsync("/api/Spaces-1/environments", new JsonObject { ["Name"] = name });

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
