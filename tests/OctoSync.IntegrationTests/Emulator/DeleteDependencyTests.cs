using System.Net;
using System.Text.Json.Nodes;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>
/// API notes §2.6: deleting a resource still in use is 400 "The X has dependent resources and cannot be deleted.";
/// once the user is gone the delete succeeds.
/// </summary>
public sealed class DeleteDependencyTests
{
    public static TheoryData<string> EnvironmentUsers => new() { "lifecycle", "step", "variable", "tenant", "account" };

    [Theory]
    [MemberData(nameof(EnvironmentUsers))]
    public async Task An_environment_in_use_cannot_be_deleted_until_the_user_is_gone(string user)
    {
        await using var session = await EmulatorSession.StartAsync();
        var env = (string)(await session.CreateEnvironmentAsync("Production"))["Id"]!;
        var removeUser = await UseEnvironmentAsync(session, user, env);

        var refused = await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/environments/{env}", null, HttpStatusCode.BadRequest);
        await removeUser();
        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/environments/{env}", null, HttpStatusCode.OK);

        Assert.Contains("has dependent resources and cannot be deleted", refused["Errors"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_worker_pool_and_account_used_by_a_step_cannot_be_deleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Web");
        var feed = (string)(await session.PostAsync("/api/Spaces-1/feeds", new JsonObject { ["Name"] = "NuGet", ["FeedType"] = "NuGet", ["FeedUri"] = "https://example.test/nuget" }))["Id"]!;
        var pool = (string)(await session.PostAsync("/api/Spaces-1/workerpools", new JsonObject { ["Name"] = "Linux" }))["Id"]!;
        var account = (string)(await session.PostAsync("/api/Spaces-1/accounts", new JsonObject { ["Name"] = "Azure", ["AccountType"] = "Token", ["Token"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "t" } }))["Id"]!;
        await SetStepsAsync(session, project, new JsonObject
        {
            ["Name"] = "Deploy",
            ["ActionType"] = "Octopus.Script",
            ["WorkerPoolId"] = pool,
            ["Properties"] = new JsonObject { ["Octopus.Action.Azure.AccountId"] = account },
            ["Packages"] = new JsonArray(new JsonObject { ["Name"] = "", ["PackageId"] = "Web", ["FeedId"] = feed }),
        });

        foreach (var path in new[] { $"feeds/{feed}", $"workerpools/{pool}", $"accounts/{account}" })
        {
            await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/{path}", null, HttpStatusCode.BadRequest);
        }

        await SetStepsAsync(session, project);
        foreach (var path in new[] { $"feeds/{feed}", $"workerpools/{pool}", $"accounts/{account}" })
        {
            await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/{path}", null, HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_lifecycle_used_by_a_channel_cannot_be_deleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Web");
        var lifecycle = (string)(await session.PostAsync("/api/Spaces-1/lifecycles", new JsonObject { ["Name"] = "Hotfix" }))["Id"]!;
        var channel = await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "Hotfix", ["ProjectId"] = (string?)project["Id"], ["LifecycleId"] = lifecycle });

        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/lifecycles/{lifecycle}", null, HttpStatusCode.BadRequest);
        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/channels/{channel["Id"]}", null, HttpStatusCode.OK);
        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/lifecycles/{lifecycle}", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_last_channel_and_a_channel_used_by_a_step_cannot_be_deleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var project = await session.CreateProjectAsync("Web");
        var channels = (JsonObject)await session.GetAsync($"/api/Spaces-1/projects/{project["Id"]}/channels");
        var only = (JsonObject)channels["Items"]![0]!;
        only["IsDefault"] = false; // the emulator keeps IsDefault as sent, so this isolates the "last channel" rule
        await session.PutAsync($"/api/Spaces-1/channels/{only["Id"]}", only);
        var refusedLast = await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/channels/{only["Id"]}", null, HttpStatusCode.BadRequest);
        var hotfix = (string)(await session.PostAsync("/api/Spaces-1/channels", new JsonObject { ["Name"] = "Hotfix", ["ProjectId"] = (string?)project["Id"] }))["Id"]!;
        await SetStepsAsync(session, project, new JsonObject { ["Name"] = "Deploy", ["ActionType"] = "Octopus.Script", ["Channels"] = new JsonArray(hotfix) });

        await session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/channels/{hotfix}", null, HttpStatusCode.BadRequest);

        Assert.Contains("last channel", refusedLast["Errors"]![0]!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Func<Task>> UseEnvironmentAsync(EmulatorSession session, string user, string env)
    {
        switch (user)
        {
            case "lifecycle":
                var lifecycle = await session.PostAsync("/api/Spaces-1/lifecycles", new JsonObject
                {
                    ["Name"] = "Live",
                    ["Phases"] = new JsonArray(new JsonObject { ["Name"] = "Live", ["OptionalDeploymentTargets"] = new JsonArray(env) }),
                });
                return () => session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/lifecycles/{lifecycle["Id"]}", null, HttpStatusCode.OK);
            case "step":
                var project = await session.CreateProjectAsync("Web");
                await SetStepsAsync(session, project, new JsonObject { ["Name"] = "Deploy", ["ActionType"] = "Octopus.Script", ["Environments"] = new JsonArray(env) });
                return () => SetStepsAsync(session, project);
            case "variable":
                var owner = await session.CreateProjectAsync("Api");
                var path = $"/api/Spaces-1/variables/{owner["VariableSetId"]}";
                var set = await session.GetObjectAsync(path);
                set["Variables"] = new JsonArray(new JsonObject { ["Name"] = "Url", ["Type"] = "String", ["Value"] = "x", ["Scope"] = new JsonObject { ["Environment"] = new JsonArray(env) } });
                await session.PutAsync(path, set);
                return () => session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/projects/{owner["Id"]}", null, HttpStatusCode.OK);
            case "tenant":
                var connected = await session.CreateProjectAsync("Shop");
                var tenant = await session.PostAsync("/api/Spaces-1/tenants", new JsonObject
                {
                    ["Name"] = "Acme",
                    ["ProjectEnvironments"] = new JsonObject { [(string)connected["Id"]!] = new JsonArray(env) },
                });
                return () => session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/tenants/{tenant["Id"]}", null, HttpStatusCode.OK);
            default:
                var account = await session.PostAsync("/api/Spaces-1/accounts", new JsonObject { ["Name"] = "Token", ["AccountType"] = "Token", ["EnvironmentIds"] = new JsonArray(env) });
                return () => session.SendAsync(HttpMethod.Delete, $"/api/Spaces-1/accounts/{account["Id"]}", null, HttpStatusCode.OK);
        }
    }

    private static async Task SetStepsAsync(EmulatorSession session, JsonNode project, params JsonObject[] actions)
    {
        var path = $"/api/Spaces-1/deploymentprocesses/{project["DeploymentProcessId"]}";
        var process = await session.GetObjectAsync(path);
        process["Steps"] = new JsonArray(actions.Select(a => (JsonNode?)new JsonObject { ["Name"] = (string?)a["Name"], ["Actions"] = new JsonArray(a) }).ToArray());
        await session.PutAsync(path, process);
    }
}
