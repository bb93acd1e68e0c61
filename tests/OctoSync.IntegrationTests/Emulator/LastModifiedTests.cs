using System.Globalization;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Swagger 2021.2 resources carry `LastModifiedOn`/`LastModifiedBy`; the server sets them on every write.</summary>
public sealed class LastModifiedTests
{
    [Fact]
    public async Task Create_and_modify_stamp_the_time_and_the_api_user_whatever_the_client_sent()
    {
        await using var session = await EmulatorSession.StartAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var created = (JsonObject)await session.PostAsync("/api/Spaces-1/environments", new JsonObject
        {
            ["Name"] = "Production",
            ["LastModifiedOn"] = "2000-01-01T00:00:00.000+00:00",
            ["LastModifiedBy"] = "someone-else",
        });
        var createdOn = DateTimeOffset.Parse((string)created["LastModifiedOn"]!, CultureInfo.InvariantCulture);
        created["Description"] = "changed";
        created["LastModifiedOn"] = "2000-01-01T00:00:00.000+00:00";
        var modified = (JsonObject)await session.PutAsync($"/api/Spaces-1/environments/{created["Id"]}", created);

        Assert.Equal("admin", (string?)created["LastModifiedBy"]);
        Assert.True(createdOn > before, $"LastModifiedOn {createdOn} is older than the request");
        Assert.True(DateTimeOffset.Parse((string)modified["LastModifiedOn"]!, CultureInfo.InvariantCulture) >= createdOn);
        Assert.Equal("admin", (string?)modified["LastModifiedBy"]);
    }

    [Fact]
    public async Task Variable_set_writes_are_stamped_too()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Web");
        var path = $"/api/Spaces-1/variables/{project["VariableSetId"]}";
        var set = await session.GetObjectAsync(path);
        set["Variables"] = new JsonArray(new JsonObject { ["Name"] = "Url", ["Type"] = "String", ["Value"] = "x" });

        var saved = await session.PutAsync(path, set);

        Assert.Equal("admin", (string?)saved["LastModifiedBy"]);
        Assert.False(string.IsNullOrEmpty((string?)saved["LastModifiedOn"]));
    }
}
