using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class CollectionTests
{
    [Fact]
    public async Task Paging_envelope_has_the_real_shape_and_Page_Next_walks_every_item()
    {
        await using var session = await EmulatorSession.StartAsync();
        for (var i = 1; i <= 7; i++)
        {
            await session.CreateEnvironmentAsync($"Env {i:00}");
        }

        var first = await session.GetObjectAsync("/api/Spaces-1/environments?take=3");
        Assert.Equal("Environment", (string?)first["ItemType"]);
        Assert.Equal(7, (int)first["TotalResults"]!);
        Assert.Equal(3, (int)first["ItemsPerPage"]!);
        Assert.Equal(3, (int)first["NumberOfPages"]!);
        Assert.Equal(2, (int)first["LastPageNumber"]!);
        Assert.Null(first["Links"]!["Page.Previous"]);
        Assert.Equal("/api/Spaces-1/environments{?name,skip,ids,take,partialName}", (string?)first["Links"]!["Template"]);

        var names = new List<string>();
        JsonObject? page = first;
        var last = first;
        while (page is not null)
        {
            names.AddRange(page["Items"]!.AsArray().Select(x => (string)x!["Name"]!));
            last = page;
            page = page["Links"]!["Page.Next"] is { } next ? await session.GetObjectAsync((string)next!) : null;
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Env {i:00}"), names);
        Assert.NotNull(last["Links"]!["Page.Previous"]);
        Assert.Null(last["Links"]!["Page.Next"]);
    }

    [Fact]
    public async Task Default_page_size_is_30()
    {
        await using var session = await EmulatorSession.StartAsync();
        for (var i = 0; i < 31; i++)
        {
            await session.CreateEnvironmentAsync($"E{i}");
        }

        var page = await session.GetObjectAsync("/api/Spaces-1/environments");

        Assert.Equal(30, (int)page["ItemsPerPage"]!);
        Assert.Equal(30, page["Items"]!.AsArray().Count);
        Assert.Equal("/api/Spaces-1/environments?skip=30&take=30", (string?)page["Links"]!["Page.Next"]);
    }

    [Fact]
    public async Task All_returns_a_bare_array_sorted_by_SortOrder_for_environments()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.PostAsync("/api/Spaces-1/environments", new JsonObject { ["Name"] = "B", ["SortOrder"] = 2 });
        await session.PostAsync("/api/Spaces-1/environments", new JsonObject { ["Name"] = "A", ["SortOrder"] = 5 });
        await session.PostAsync("/api/Spaces-1/environments", new JsonObject { ["Name"] = "C", ["SortOrder"] = 1 });

        var all = (await session.GetAsync("/api/Spaces-1/environments/all")).AsArray();

        Assert.Equal(["C", "B", "A"], all.Select(x => (string)x!["Name"]!));
    }

    [Theory]
    [InlineData("?ids=Environments-1,Environments-3", new[] { "Alpha", "Gamma" })]
    [InlineData("?ids=Environments-1&ids=environments-2", new[] { "Alpha", "Beta" })]
    [InlineData("?partialName=MM", new[] { "Gamma" })]
    [InlineData("?name=beta", new[] { "Beta" })]
    public async Task Common_filters(string query, string[] expected)
    {
        await using var session = await EmulatorSession.StartAsync();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            await session.CreateEnvironmentAsync(name);
        }

        var page = await session.GetObjectAsync("/api/Spaces-1/environments" + query);

        Assert.Equal(expected, page["Items"]!.AsArray().Select(x => (string)x!["Name"]!));
    }

    [Theory]
    [InlineData("/api/Spaces-1/feeds?feedType=BuiltIn", "Octopus Server (built-in)")]
    [InlineData("/api/Spaces-1/libraryvariablesets?contentType=ScriptModule", "Module")]
    [InlineData("/api/Spaces-1/accounts?accountType=Token", "Token account")]
    [InlineData("/api/Spaces-1/machines?roles=db", "db01")]
    [InlineData("/api/Spaces-1/tenants?projectId=Projects-1", "Connected")]
    [InlineData("/api/Spaces-1/tenants?tags=Region/EU", "Connected")]
    public async Task Resource_filters(string path, string expectedName)
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateProjectAsync("P");
        var env = await session.CreateEnvironmentAsync("Dev");
        await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject { ["Name"] = "Region", ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }) });
        await session.PostAsync("/api/Spaces-1/libraryvariablesets", new JsonObject { ["Name"] = "Shared" });
        await session.PostAsync("/api/Spaces-1/libraryvariablesets", new JsonObject { ["Name"] = "Module", ["ContentType"] = "ScriptModule" });
        await session.PostAsync("/api/Spaces-1/accounts", new JsonObject { ["Name"] = "Token account", ["AccountType"] = "Token" });
        await session.PostAsync("/api/Spaces-1/accounts", new JsonObject { ["Name"] = "User account", ["AccountType"] = "UsernamePassword" });
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject { ["Name"] = "web01", ["Roles"] = new JsonArray("web"), ["EnvironmentIds"] = new JsonArray(env["Id"]!.DeepClone()) });
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject { ["Name"] = "db01", ["Roles"] = new JsonArray("db"), ["EnvironmentIds"] = new JsonArray(env["Id"]!.DeepClone()) });
        await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = "Lonely" });
        await session.PostAsync("/api/Spaces-1/tenants", new JsonObject
        {
            ["Name"] = "Connected",
            ["TenantTags"] = new JsonArray("Region/EU"),
            ["ProjectEnvironments"] = new JsonObject { ["Projects-1"] = new JsonArray(env["Id"]!.DeepClone()) },
        });

        var page = await session.GetObjectAsync(path);

        var item = Assert.Single(page["Items"]!.AsArray())!;
        Assert.Equal(expectedName, (string?)item["Name"]);
    }

    [Fact]
    public async Task Machine_roles_lists_distinct_roles()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject { ["Name"] = "a", ["Roles"] = new JsonArray("web", "db") });
        await session.PostAsync("/api/Spaces-1/machines", new JsonObject { ["Name"] = "b", ["Roles"] = new JsonArray("web") });

        var roles = (await session.GetAsync("/api/Spaces-1/machineroles/all")).AsArray();

        Assert.Equal(["db", "web"], roles.Select(r => (string)r!));
    }

    [Fact]
    public async Task Delete_answers_200_and_the_resource_is_gone()
    {
        await using var session = await EmulatorSession.StartAsync();
        var env = await session.CreateEnvironmentAsync("Temp");

        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/environments/{env["Id"]}", null, HttpStatusCode.OK);

        await session.GetAsync($"/api/Spaces-1/environments/{env["Id"]}", HttpStatusCode.NotFound);
    }
}
