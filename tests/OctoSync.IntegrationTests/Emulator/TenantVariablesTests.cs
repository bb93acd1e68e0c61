using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class TenantVariablesTests
{
    [Fact]
    public async Task Tenant_variables_round_trip_in_the_legacy_shape_with_secrets_redacted()
    {
        await using var session = await EmulatorSession.StartAsync();
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
            ["Templates"] = new JsonArray(new JsonObject { ["Name"] = "Password" }),
        });
        var tenant = await session.PostAsync("/api/Spaces-1/tenants", new JsonObject
        {
            ["Name"] = "Acme",
            ["ProjectEnvironments"] = new JsonObject { [(string)project["Id"]!] = new JsonArray(env["Id"]!.DeepClone()) },
        });
        var path = (string)tenant["Links"]!["Variables"]!;
        var variables = await session.GetObjectAsync(path);
        var setTemplate = (string)set["Templates"]![0]!["Id"]!;
        var projectTemplate = (string)project["Templates"]![0]!["Id"]!;
        variables["LibraryVariables"]![(string)set["Id"]!]!["Variables"] = new JsonObject { [setTemplate] = "eu-west" };
        variables["ProjectVariables"]![(string)project["Id"]!]!["Variables"] = new JsonObject
        {
            [(string)env["Id"]!] = new JsonObject { [projectTemplate] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "pw" } },
        };

        var saved = await session.PutAsync(path, variables);

        Assert.Equal("eu-west", (string?)saved["LibraryVariables"]![(string)set["Id"]!]!["Variables"]![setTemplate]);
        Assert.Equal("""{"HasValue":true,"NewValue":null}""", saved["ProjectVariables"]![(string)project["Id"]!]!["Variables"]![(string)env["Id"]!]![projectTemplate]!.ToJsonString());
        Assert.Equal("Acme", (string?)saved["TenantName"]);
    }

    [Fact]
    public async Task Tenant_variables_for_an_unconnected_project_are_refused()
    {
        await using var session = await EmulatorSession.StartAsync();
        var tenant = await session.PostAsync("/api/Spaces-1/tenants", new JsonObject { ["Name"] = "Acme" });

        var error = await session.PutAsync((string)tenant["Links"]!["Variables"]!, new JsonObject
        {
            ["ProjectVariables"] = new JsonObject { ["Projects-9"] = new JsonObject { ["Variables"] = new JsonObject() } },
        }, HttpStatusCode.BadRequest);

        Assert.Contains("Projects-9", (string?)error["Errors"]![0], StringComparison.Ordinal);
    }
}
