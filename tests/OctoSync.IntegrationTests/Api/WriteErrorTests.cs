using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.Api;

public class WriteErrorTests
{
    [Fact]
    public async Task A_reference_to_a_missing_object_is_a_400_naming_it()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        var groupId = (await client.GetAllAsync("projectgroups"))[0].Id();

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.CreateAsync("projects", new JsonObject
        {
            ["Name"] = "OctoFx",
            ["ProjectGroupId"] = groupId,
            ["LifecycleId"] = "Lifecycles-999",
        }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("POST", ex.Method);
        Assert.Contains(ex.Errors, e => e.Contains("Lifecycles-999", StringComparison.Ordinal));
        Assert.Contains("Lifecycles-999", ex.Message);
        Assert.Single(server.RequestLog, e => e.Method == "POST");
    }

    [Fact]
    public async Task A_duplicate_name_is_a_400_with_Octopus_own_message()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await client.CreateAsync("environments", new JsonObject { ["Name"] = "Production" });

        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.CreateAsync("environments", new JsonObject { ["Name"] = "production" }));

        Assert.Equal(400, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.ErrorMessage));
        Assert.NotEmpty(ex.Errors);
    }

    [Fact]
    public async Task A_stale_Version_is_a_version_conflict()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        var project = await CreateProjectAsync(client, "OctoFx");
        var path = $"variables/{project.Str("VariableSetId")}";
        var read = await client.GetAsync(path);

        var first = read.Clone();
        first["Variables"] = new JsonArray(Variable("Greeting", "Hello"));
        await client.UpdateAsync(path, first);
        var second = read.Clone();
        second["Variables"] = new JsonArray(Variable("Greeting", "Bonjour"));
        var ex = await Assert.ThrowsAsync<OctopusApiException>(() => client.UpdateAsync(path, second));

        Assert.True(ex.IsVersionConflict, ex.Message);
        Assert.Equal(1, server.RequestLog.Count(e => e.Method == "PUT" && e.Status == 400));
    }

    [Fact]
    public async Task A_sensitive_value_is_written_but_never_read_back()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        var project = await CreateProjectAsync(client, "OctoFx");
        var path = $"variables/{project.Str("VariableSetId")}";
        var set = await client.GetAsync(path);
        var secret = Variable("Db.Password", "s3cr3t-value");
        secret["Type"] = "Sensitive";
        secret["IsSensitive"] = true;
        set["Variables"] = new JsonArray(secret);

        var saved = await client.UpdateAsync(path, set);
        var reread = await client.GetAsync(path);

        foreach (var document in new[] { saved, reread })
        {
            var variable = Assert.Single(document.Arr("Variables").Objects());
            Assert.True(variable.Bool("IsSensitive"));
            Assert.Null(variable.Str("Value"));
            Assert.DoesNotContain("s3cr3t-value", document.ToJsonString());
        }
    }

    internal static async Task<JsonObject> CreateProjectAsync(IOctopusSpaceClient client, string name) =>
        await client.CreateAsync("projects", new JsonObject
        {
            ["Name"] = name,
            ["ProjectGroupId"] = (await client.GetAllAsync("projectgroups"))[0].Id(),
            ["LifecycleId"] = (await client.GetAllAsync("lifecycles"))[0].Id(),
        });

    private static JsonObject Variable(string name, string value) => new()
    {
        ["Name"] = name,
        ["Value"] = value,
        ["Type"] = "String",
        ["IsSensitive"] = false,
        ["Scope"] = new JsonObject(),
    };
}
