using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Variable_set_put_with_a_stale_version_is_refused_with_the_real_message()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var path = (string)project["Links"]!["Variables"]!;
        var first = await session.GetObjectAsync(path);
        var second = await session.GetObjectAsync(path);
        first["Variables"] = new JsonArray(new JsonObject { ["Name"] = "A", ["Type"] = "String", ["Value"] = "1" });

        var saved = await session.PutAsync(path, first);
        var error = await session.PutAsync(path, second, HttpStatusCode.BadRequest);

        Assert.Equal(1, (int)saved["Version"]!);
        Assert.StartsWith(
            "Changes to these variables could not be saved, because another user has made changes to the variables between when you started editing",
            (string?)error["ErrorMessage"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_put_with_a_stale_version_is_refused_and_success_increments()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var path = (string)project["Links"]!["DeploymentProcess"]!;
        var process = await session.GetObjectAsync(path);

        var v1 = await session.PutAsync(path, process);
        var v2 = await session.PutAsync(path, v1);
        var error = await session.PutAsync(path, v1, HttpStatusCode.BadRequest);

        Assert.Equal(1, (int)v1["Version"]!);
        Assert.Equal(2, (int)v2["Version"]!);
        Assert.Contains("made changes to the process", (string?)error["Errors"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_template_version_is_bumped_on_every_put()
    {
        await using var session = await EmulatorSession.StartAsync();
        var template = await session.PostAsync("/api/Spaces-1/actiontemplates", new JsonObject { ["Name"] = "Notify", ["ActionType"] = "Octopus.Script" });
        var self = (string)template["Links"]!["Self"]!;

        var v1 = await session.PutAsync(self, template);
        var v2 = await session.PutAsync(self, template);

        Assert.Equal(0, (int)template["Version"]!);
        Assert.Equal(1, (int)v1["Version"]!);
        Assert.Equal(2, (int)v2["Version"]!);
    }

    [Fact]
    public async Task New_steps_actions_and_variables_get_guids_and_client_guids_are_kept()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("P");
        var path = (string)project["Links"]!["DeploymentProcess"]!;
        var process = await session.GetObjectAsync(path);
        var clientId = Guid.NewGuid().ToString();
        process["Steps"] = new JsonArray(
            new JsonObject { ["Id"] = clientId, ["Name"] = "Kept", ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "A1", ["ActionType"] = "Octopus.Script" }) },
            new JsonObject { ["Name"] = "New", ["Actions"] = new JsonArray(new JsonObject { ["Name"] = "A2", ["ActionType"] = "Octopus.Script" }) });

        var saved = await session.PutAsync(path, process);

        var steps = saved["Steps"]!.AsArray();
        Assert.Equal(clientId, (string?)steps[0]!["Id"]);
        Assert.True(Guid.TryParse((string?)steps[1]!["Id"], out _));
        Assert.True(Guid.TryParse((string?)steps[1]!["Actions"]![0]!["Id"], out _));
    }

    [Fact]
    public async Task Tags_get_server_ids_and_canonical_names()
    {
        await using var session = await EmulatorSession.StartAsync();

        var set = await session.PostAsync("/api/Spaces-1/tagsets", new JsonObject
        {
            ["Name"] = "Region",
            ["Tags"] = new JsonArray(new JsonObject { ["Name"] = "EU" }, new JsonObject { ["Name"] = "US" }),
        });

        var tags = set["Tags"]!.AsArray();
        Assert.Equal("TagSets-1-1", (string?)tags[0]!["Id"]);
        Assert.Equal("TagSets-1-2", (string?)tags[1]!["Id"]);
        Assert.Equal("Region/US", (string?)tags[1]!["CanonicalTagName"]);
    }
}
