using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>`name=` per collection: Swagger 2021.2 documents tenants' (obsolete) `name` as a contains match; elsewhere it is exact.</summary>
public sealed class NameFilterTests
{
    [Theory]
    [InlineData("/api/Spaces-1/tenants?name=acme", new[] { "Acme", "Acme Europe" })]
    [InlineData("/api/Spaces-1/tenants/all?name=EUROPE", new[] { "Acme Europe" })]
    [InlineData("/api/Spaces-1/environments?name=prod", new[] { "Prod" })]
    [InlineData("/api/Spaces-1/environments?name=pro", new string[0])]
    public async Task Name_filter(string path, string[] expected)
    {
        await using var session = await EmulatorSession.StartAsync();
        foreach (var name in new[] { "Acme", "Acme Europe", "Globex" })
        {
            await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = name });
        }

        foreach (var name in new[] { "Prod", "Production" })
        {
            await session.CreateEnvironmentAsync(name);
        }

        var answer = await session.GetAsync(path);
        var items = answer is JsonArray array ? array : answer["Items"]!.AsArray();

        Assert.Equal(expected, items.Select(i => (string)i!["Name"]!).Order());
    }
}
