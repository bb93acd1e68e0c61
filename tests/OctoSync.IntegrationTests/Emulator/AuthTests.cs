using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class AuthTests
{
    [Fact]
    public async Task Header_key_is_accepted()
    {
        await using var session = await EmulatorSession.StartAsync();

        var environments = await session.GetObjectAsync("/api/Spaces-1/environments");

        Assert.Equal("Environment", (string?)environments["ItemType"]);
    }

    [Theory]
    [InlineData("apikey")]
    [InlineData("ApiKey")]
    [InlineData("APIKEY")]
    public async Task Query_key_is_accepted_with_any_case(string parameter)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var client = new HttpClient { BaseAddress = session.Server.BaseUrl };

        using var response = await client.GetAsync(new Uri($"api/Spaces-1/environments?{parameter}={session.Server.ApiKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("API-WRONG")]
    public async Task Missing_or_wrong_key_is_401_with_the_real_error_body(string? key)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var client = new HttpClient { BaseAddress = session.Server.BaseUrl };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Octopus-ApiKey", key);
        }

        using var response = await client.GetAsync(new Uri("api/Spaces-1/projects", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("You must be logged in to perform this action. Please provide a valid API key or log in again.", (string?)body["ErrorMessage"]);
        Assert.NotEmpty(body["Errors"]!.AsArray());
    }

    [Fact]
    public async Task Custom_api_key_from_options_is_the_only_key()
    {
        await using var session = await EmulatorSession.StartAsync(new() { ApiKey = "API-CUSTOM" });

        Assert.Equal("API-CUSTOM", session.Server.ApiKey);
        await session.GetAsync("/api/Spaces-1/projects");
    }
}
