using System.Net;
using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>
/// Tenant variables v2 (`/tenants/{id}/commonvariables`, `/projectvariables`) on the profiles that have them (2026.3;
/// self-hosted from 2025.2), backed by the legacy store; 2021.2 and 2024.3 answer 404 like servers without the routes.
/// The shapes are the client classes' (OctopusClients TenantCommonVariable / TenantProjectVariable and the Get…Response).
/// </summary>
public sealed class TenantVariablesV2Tests
{
    private static readonly string[] CommonVariableProperties = ["Id", "LibraryVariableSetId", "LibraryVariableSetName", "TemplateId", "Template", "Value", "Scope"];
    private static readonly string[] ProjectVariableProperties = ["Id", "ProjectId", "ProjectName", "TemplateId", "Template", "Value", "Scope"];
    private static readonly string[] ResponseProperties = ["TenantId", "Variables", "MissingVariables"];

    private sealed record Seeded(string Tenant, string Set, string SetTemplate, string Project, string ProjectTemplate, string Environment, string Legacy);

    private static async Task<Seeded> SeedAsync(EmulatorSession session)
    {
        var env = await session.CreateEnvironmentAsync("Dev");
        var set = await session.PostAsync("/api/Spaces-1/libraryvariablesets", new JsonObject
        {
            ["Name"] = "Shared",
            ["Templates"] = new JsonArray(new JsonObject { ["Name"] = "Region" }),
        });
        var project = await session.PostAsync("/api/Spaces-1/projects", new JsonObject
        {
            ["Name"] = "P",
            ["ProjectGroupId"] = "ProjectGroups-1",
            ["LifecycleId"] = "Lifecycles-1",
            ["IncludedLibraryVariableSetIds"] = new JsonArray(set["Id"]!.DeepClone()),
            ["Templates"] = new JsonArray(new JsonObject { ["Name"] = "DbServer" }, new JsonObject { ["Name"] = "Password" }),
        });
        var tenant = await session.PostAsync("/api/Spaces-1/tenants", new JsonObject
        {
            ["Name"] = "Acme",
            ["ProjectEnvironments"] = new JsonObject { [(string)project["Id"]!] = new JsonArray(env["Id"]!.DeepClone()) },
        });
        return new Seeded((string)tenant["Id"]!, (string)set["Id"]!, (string)set["Templates"]![0]!["Id"]!, (string)project["Id"]!,
            (string)project["Templates"]![0]!["Id"]!, (string)env["Id"]!, (string)tenant["Links"]!["Variables"]!);
    }

    [Theory]
    [InlineData("2021.2")]
    [InlineData("2024.3")]
    public async Task Servers_before_2025_2_answer_404(string version)
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = version });
        var seeded = await SeedAsync(session);

        await session.GetAsync($"/api/Spaces-1/tenants/{seeded.Tenant}/commonvariables", HttpStatusCode.NotFound);
        await session.GetAsync($"/api/Spaces-1/tenants/{seeded.Tenant}/projectvariables", HttpStatusCode.NotFound);
        await session.GetAsync(seeded.Legacy);
    }

    [Fact]
    public async Task Values_written_through_the_legacy_route_read_back_through_v2_in_the_clients_shape()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = "2026.3", RateLimitPerMinute = 0 });
        var s = await SeedAsync(session);
        var legacy = await session.GetObjectAsync(s.Legacy);
        legacy["LibraryVariables"]![s.Set]!["Variables"] = new JsonObject { [s.SetTemplate] = "eu-west" };
        legacy["ProjectVariables"]![s.Project]!["Variables"] = new JsonObject { [s.Environment] = new JsonObject { [s.ProjectTemplate] = "sql-1" } };
        await session.PutAsync(s.Legacy, legacy);

        var common = await session.GetObjectAsync($"/api/Spaces-1/tenants/{s.Tenant}/commonvariables");
        var projectVariables = await session.GetObjectAsync($"/api/Spaces-1/tenants/{s.Tenant}/projectvariables?includeMissingVariables=true");

        Assert.Equal(ResponseProperties.Order(), common.Select(p => p.Key).Order());
        Assert.Null(common["MissingVariables"]);
        var value = Assert.Single(common["Variables"]!.AsArray())!.AsObject();
        Assert.Equal(CommonVariableProperties.Order(), value.Select(p => p.Key).Order());
        Assert.Equal("eu-west", (string?)value["Value"]);
        Assert.Empty(value["Scope"]!["EnvironmentIds"]!.AsArray());
        var projectValue = Assert.Single(projectVariables["Variables"]!.AsArray())!.AsObject();
        Assert.Equal(ProjectVariableProperties.Order(), projectValue.Select(p => p.Key).Order());
        Assert.Equal("sql-1", (string?)projectValue["Value"]);
        Assert.Equal(s.Environment, (string?)projectValue["Scope"]!["EnvironmentIds"]![0]);
        Assert.Equal("Password", (string?)Assert.Single(projectVariables["MissingVariables"]!.AsArray())!["Template"]!["Name"]);
    }

    [Fact]
    public async Task A_v2_put_replaces_its_half_shows_through_the_legacy_route_keeps_secrets_and_is_validated()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = "2026.3", RateLimitPerMinute = 0 });
        var s = await SeedAsync(session);
        var path = $"/api/Spaces-1/tenants/{s.Tenant}/projectvariables";
        JsonObject Item(string template, JsonNode value) => new()
        {
            ["ProjectId"] = s.Project, ["TemplateId"] = template, ["Value"] = value,
            ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray(s.Environment) },
        };
        var secretTemplate = (string)(await session.GetObjectAsync($"/api/Spaces-1/projects/{s.Project}"))["Templates"]![1]!["Id"]!;

        var saved = await session.PutAsync(path, new JsonObject
        {
            ["Variables"] = new JsonArray(Item(s.ProjectTemplate, "sql-2"), Item(secretTemplate, new JsonObject { ["HasValue"] = true, ["NewValue"] = "pw" })),
        });
        Assert.Equal(s.Tenant, (string?)saved["TenantId"]);
        Assert.False(saved.AsObject().ContainsKey("MissingVariables"));
        var legacy = await session.GetObjectAsync(s.Legacy);
        var values = legacy["ProjectVariables"]![s.Project]!["Variables"]![s.Environment]!;
        Assert.Equal("sql-2", (string?)values[s.ProjectTemplate]);
        Assert.Equal("""{"HasValue":true,"NewValue":null}""", values[secretTemplate]!.ToJsonString());

        // The secret sent back as read is kept; a value left out is removed.
        await session.PutAsync(path, new JsonObject { ["Variables"] = new JsonArray(Item(secretTemplate, new JsonObject { ["HasValue"] = true, ["NewValue"] = null })) });
        var after = (await session.GetObjectAsync(path))["Variables"]!.AsArray();
        Assert.Equal(secretTemplate, (string?)Assert.Single(after)!["TemplateId"]);

        var error = await session.PutAsync($"/api/Spaces-1/tenants/{s.Tenant}/commonvariables", new JsonObject
        {
            ["Variables"] = new JsonArray(new JsonObject { ["LibraryVariableSetId"] = "LibraryVariableSets-99", ["TemplateId"] = "x", ["Value"] = "v", ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray() } }),
        }, HttpStatusCode.BadRequest);
        Assert.Contains("LibraryVariableSets-99", error.ToJsonString(), StringComparison.Ordinal);
    }
}
