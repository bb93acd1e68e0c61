using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Secrets are write-only (go-octopusdeploy #449/#450 semantics for variables, SensitiveValue for properties).</summary>
public sealed class SensitiveValueTests
{
    [Fact]
    public async Task Sensitive_variable_reads_back_null_and_the_id_keeps_the_secret()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var path = (string)project["Links"]!["Variables"]!;
        var set = await session.GetObjectAsync(path);
        var id = Guid.NewGuid().ToString();
        set["Variables"] = new JsonArray(new JsonObject { ["Id"] = id, ["Name"] = "Password", ["Value"] = "s3cret", ["IsSensitive"] = true });

        var saved = await session.PutAsync(path, set);
        var variable = saved["Variables"]![0]!;
        Assert.Null(variable["Value"]);
        Assert.Equal("Sensitive", (string?)variable["Type"]);
        Assert.DoesNotContain("s3cret", saved.ToJsonString(), StringComparison.Ordinal);

        // Same Id with a null value keeps the stored secret: proven by the emulator's internal store below.
        var again = await session.PutAsync(path, saved);
        Assert.Null(again["Variables"]![0]!["Value"]);
        Assert.Equal("s3cret", StoredVariableValue(session, id));

        // Same Id + new value replaces; an unknown Id + null stores empty.
        again["Variables"]![0]!["Value"] = "changed";
        again["Variables"]!.AsArray().Add(new JsonObject { ["Id"] = Guid.NewGuid().ToString(), ["Name"] = "Other", ["Value"] = null, ["Type"] = "Sensitive" });
        var third = await session.PutAsync(path, again);
        Assert.Equal("changed", StoredVariableValue(session, id));
        Assert.Equal("", StoredVariableValue(session, (string)third["Variables"]![1]!["Id"]!));
    }

    [Fact]
    public async Task Sensitive_properties_read_back_HasValue_only_and_keep_the_secret()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.PostAsync("/api/Spaces-1/accounts", new JsonObject
        {
            ["Name"] = "Deployer",
            ["AccountType"] = "UsernamePassword",
            ["Username"] = "deploy",
            ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "hunter2" },
        });
        Assert.Equal("""{"HasValue":true,"NewValue":null}""", created["Password"]!.ToJsonString());
        Assert.DoesNotContain("hunter2", created.ToJsonString(), StringComparison.Ordinal);

        var self = (string)created["Links"]!["Self"]!;
        created["Username"] = "deploy2";
        await session.PutAsync(self, created);
        Assert.Equal("hunter2", StoredProperty(session, "accounts", (string)created["Id"]!, "Password"));

        created["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "new-secret" };
        await session.PutAsync(self, created);
        Assert.Equal("new-secret", StoredProperty(session, "accounts", (string)created["Id"]!, "Password"));

        created["Password"] = new JsonObject { ["HasValue"] = false };
        var cleared = await session.PutAsync(self, created);
        Assert.False((bool)cleared["Password"]!["HasValue"]!);
    }

    [Fact]
    public async Task Sensitive_step_properties_survive_a_round_trip()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var path = (string)project["Links"]!["DeploymentProcess"]!;
        var process = await session.GetObjectAsync(path);
        process["Steps"] = new JsonArray(new JsonObject
        {
            ["Name"] = "S",
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = "A",
                ["ActionType"] = "Octopus.Script",
                ["Properties"] = new JsonObject { ["Token"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "tok" } },
            }),
        });

        var saved = await session.PutAsync(path, process);
        var resaved = await session.PutAsync(path, saved);

        Assert.Equal("""{"HasValue":true,"NewValue":null}""", resaved["Steps"]![0]!["Actions"]![0]!["Properties"]!["Token"]!.ToJsonString());
        Assert.DoesNotContain("tok\"", resaved.ToJsonString(), StringComparison.Ordinal);
    }

    private static string? StoredVariableValue(EmulatorSession session, string variableId) =>
        EmulatorInternals.Stored(session.Server, "variables", "variableset-Projects-1")?["Variables"]!.AsArray()
            .First(v => (string?)v!["Id"] == variableId)!["Value"]?.GetValue<string>();

    private static string? StoredProperty(EmulatorSession session, string collection, string id, string property) =>
        EmulatorInternals.Stored(session.Server, collection, id)?[property]?["NewValue"]?.GetValue<string>();
}
