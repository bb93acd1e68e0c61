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

    [Fact]
    public async Task Common_values_scoped_to_environments_are_kept_per_scope_served_through_v2_and_validated()
    {
        // Scoped common values: OctopusDeploy/Issues#9414 (2025.2.11370), octopus.com/blog/scoped-tenant-variables
        // ("unscoped, singly-scoped, or multi-scoped"); an environment in one scope per template: the OctopusDeploy
        // PowerShell module's Set-CommonTenantVariable splits overlapping scopes. What the legacy document shows is unsourced.
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { ServerVersion = "2026.3", RateLimitPerMinute = 0 });
        var s = await SeedAsync(session);
        var test = (string)(await session.CreateEnvironmentAsync("Test"))["Id"]!;
        var prod = (string)(await session.CreateEnvironmentAsync("Prod"))["Id"]!;
        var path = $"/api/Spaces-1/tenants/{s.Tenant}/commonvariables";
        JsonObject Item(JsonNode value, params string[] environments) => new()
        {
            ["LibraryVariableSetId"] = s.Set, ["TemplateId"] = s.SetTemplate, ["Value"] = value,
            ["Scope"] = new JsonObject { ["EnvironmentIds"] = new JsonArray(environments.Select(e => (JsonNode?)e).ToArray()) },
        };

        await session.PutAsync(path, new JsonObject
        {
            ["Variables"] = new JsonArray(Item("everywhere"), Item("non-prod", s.Environment, test), Item(new JsonObject { ["HasValue"] = true, ["NewValue"] = "prod-secret" }, prod)),
        });

        var read = (await session.GetObjectAsync(path))["Variables"]!.AsArray().Select(v => v!.AsObject()).ToList();
        Assert.Equal(3, read.Count);
        Assert.All(read, v => Assert.Equal(CommonVariableProperties.Order(), v.Select(p => p.Key).Order()));
        Assert.Equal(3, read.Select(v => (string?)v["Id"]).Distinct().Count());
        string Scope(JsonObject v) => string.Join(",", v["Scope"]!["EnvironmentIds"]!.AsArray().Select(e => (string?)e).Order());
        Assert.Equal("everywhere", (string?)read.Single(v => Scope(v) == "")["Value"]);
        Assert.Equal("non-prod", (string?)read.Single(v => Scope(v) == string.Join(",", new[] { s.Environment, test }.Order()))["Value"]);
        var secret = read.Single(v => Scope(v) == prod)["Value"]!;
        Assert.Equal("""{"HasValue":true,"NewValue":null}""", secret.ToJsonString());
        Assert.DoesNotContain("prod-secret", (await session.GetObjectAsync(path)).ToJsonString(), StringComparison.Ordinal);

        // The legacy document holds one value per template: it shows the unscoped one (unsourced), and a legacy write
        // leaves the scoped values in place.
        var legacy = await session.GetObjectAsync(s.Legacy);
        Assert.Equal("""{"%TEMPLATE%":"everywhere"}""".Replace("%TEMPLATE%", s.SetTemplate, StringComparison.Ordinal), legacy["LibraryVariables"]![s.Set]!["Variables"]!.ToJsonString());
        await session.PutAsync(s.Legacy, legacy);
        Assert.Equal(3, (await session.GetObjectAsync(path))["Variables"]!.AsArray().Count);

        // The secret sent back as read, with the same scope, is kept (a scoped value left out is removed).
        await session.PutAsync(path, new JsonObject { ["Variables"] = new JsonArray(Item(secret.DeepClone(), prod)) });
        var kept = Assert.Single((await session.GetObjectAsync(path))["Variables"]!.AsArray())!;
        Assert.Equal(prod, (string?)kept["Scope"]!["EnvironmentIds"]![0]);
        Assert.True((bool)kept["Value"]!["HasValue"]!);

        foreach (var (body, expected) in new (JsonArray, string)[]
        {
            (new JsonArray(Item("a", prod), Item("b", prod, test)), "more than one scope"),
            (new JsonArray(Item("a", "Environments-999")), "Environments-999"),
            (new JsonArray(Item("a"), Item("b")), "more than one unscoped value"),
        })
        {
            var error = await session.PutAsync(path, new JsonObject { ["Variables"] = body }, HttpStatusCode.BadRequest);
            Assert.Contains(expected, error.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
