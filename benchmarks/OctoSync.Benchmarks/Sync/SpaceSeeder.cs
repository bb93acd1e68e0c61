using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// Fills an emulated space through the REST API, as a person with a script would: environments, step templates,
/// library variable sets, then projects (in parallel, bounded by the client) with channels, a deployment process,
/// variables with mixed scopes and runbooks, then tenants connected to projects.
/// </summary>
internal static class SpaceSeeder
{
    public static async Task<List<string>> SeedEnvironmentsAsync(IOctopusSpaceClient client, SpaceShape shape, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var name in shape.Environments)
        {
            ids.Add((await client.CreateAsync("environments", new JsonObject { ["Name"] = name }, ct)).Id());
        }

        return ids;
    }

    public static async Task SeedAsync(IOctopusSpaceClient client, SpaceShape shape, CancellationToken ct = default)
    {
        var environments = await SeedEnvironmentsAsync(client, shape, ct);
        var lifecycleId = (await client.GetAllAsync("lifecycles", ct))[0].Id();
        var groupId = (await client.GetAllAsync("projectgroups", ct))[0].Id();
        await Task.WhenAll(Enumerable.Range(1, shape.StepTemplates).Select(i => client.CreateAsync("actiontemplates", StepTemplate(i), ct)));
        var libraries = await Task.WhenAll(Enumerable.Range(1, shape.LibraryVariableSets).Select(i => CreateLibraryAsync(client, shape, i, environments, ct)));
        var projects = await Task.WhenAll(Enumerable.Range(1, shape.Projects).Select(i =>
            CreateProjectAsync(client, shape, i, groupId, lifecycleId, libraries, environments, ct)));
        await Task.WhenAll(Enumerable.Range(1, shape.Tenants).Select(t => client.CreateAsync("tenants", new JsonObject
        {
            ["Name"] = $"Tenant {t:00}",
            ["ProjectEnvironments"] = new JsonObject(Enumerable.Range(0, Math.Min(shape.ProjectsPerTenant, projects.Length))
                .Select(j => projects[(t * 7 + j) % projects.Length])
                .Distinct()
                .Select(p => KeyValuePair.Create(p, (JsonNode?)environments.Skip(2).ToJsonArray()))),
        }, ct)));
    }

    /// <summary>The one variable value the "changed" scenario edits in the source.</summary>
    public static async Task ChangeOneVariableAsync(IOctopusSpaceClient client, string variableSetId, CancellationToken ct)
    {
        var path = $"variables/{variableSetId}";
        var set = await client.GetAsync(path, ct);
        var first = set.Arr("Variables").Objects().First();
        first["Value"] = first.Str("Value") + " (changed)";
        await client.UpdateAsync(path, set, ct);
    }

    /// <summary>The one step the "changed" scenario edits in the source: its script body.</summary>
    public static async Task ChangeOneStepAsync(IOctopusSpaceClient client, string deploymentProcessId, CancellationToken ct)
    {
        var path = $"deploymentprocesses/{deploymentProcessId}";
        var process = await client.GetAsync(path, ct);
        var properties = process.Arr("Steps").Objects().First().Arr("Actions").Objects().First().Obj("Properties")!;
        properties["Octopus.Action.Script.ScriptBody"] = properties.Str("Octopus.Action.Script.ScriptBody") + "\nWrite-Host 'changed'";
        await client.UpdateAsync(path, process, ct);
    }

    private static JsonObject StepTemplate(int i) => new()
    {
        ["Name"] = $"Template {i:00}",
        ["Description"] = $"Step template {i}",
        ["ActionType"] = "Octopus.Script",
        ["Properties"] = new JsonObject
        {
            ["Octopus.Action.Script.ScriptSource"] = "Inline",
            ["Octopus.Action.Script.Syntax"] = "PowerShell",
            ["Octopus.Action.Script.ScriptBody"] = $"Write-Host 'template {i}: #{{Greeting}}'",
        },
        ["Parameters"] = new JsonArray(new JsonObject { ["Name"] = "Greeting", ["Label"] = "Greeting", ["DefaultValue"] = "hello" }),
    };

    private static async Task<string> CreateLibraryAsync(IOctopusSpaceClient client, SpaceShape shape, int i, List<string> environments, CancellationToken ct)
    {
        var library = await client.CreateAsync("libraryvariablesets", new JsonObject { ["Name"] = $"Library {i:00}", ["ContentType"] = "Variables" }, ct);
        await FillVariablesAsync(client, library.Str("VariableSetId")!, shape.VariablesPerLibrarySet, environments, [], ct);
        return library.Id();
    }

    private static async Task<string> CreateProjectAsync(
        IOctopusSpaceClient client, SpaceShape shape, int i, string groupId, string lifecycleId,
        string[] libraries, List<string> environments, CancellationToken ct)
    {
        var project = await client.CreateAsync("projects", new JsonObject
        {
            ["Name"] = $"Project {i:000}",
            ["ProjectGroupId"] = groupId,
            ["LifecycleId"] = lifecycleId,
            ["IncludedLibraryVariableSetIds"] = Enumerable.Range(0, shape.LibrarySetsPerProject).Select(k => libraries[(i + k) % libraries.Length]).Distinct().ToJsonArray(),
        }, ct);
        var channels = new List<string>();
        for (var c = 2; c <= shape.ChannelsPerProject; c++)
        {
            channels.Add((await client.CreateAsync("channels", new JsonObject { ["Name"] = $"Channel {c}", ["ProjectId"] = project.Id(), ["LifecycleId"] = null }, ct)).Id());
        }

        await FillProcessAsync(client, $"deploymentprocesses/{project.Str("DeploymentProcessId")}", shape.StepsPerProcess, environments, channels, ct);
        await FillVariablesAsync(client, project.Str("VariableSetId")!, shape.VariablesPerProject, environments, channels, ct);
        for (var r = 1; r <= shape.RunbooksPerProject; r++)
        {
            var runbook = await client.CreateAsync("runbooks", new JsonObject { ["Name"] = $"Runbook {r}", ["ProjectId"] = project.Id() }, ct);
            await FillProcessAsync(client, $"runbookProcesses/{runbook.Str("RunbookProcessId")}", shape.StepsPerRunbook, environments, [], ct);
        }

        return project.Id();
    }

    private static async Task FillProcessAsync(IOctopusSpaceClient client, string path, int steps, List<string> environments, List<string> channels, CancellationToken ct)
    {
        var process = await client.GetAsync(path, ct);
        process["Steps"] = new JsonArray(Enumerable.Range(1, steps).Select(i => (JsonNode)new JsonObject
        {
            ["Name"] = $"Step {i:00}",
            ["Condition"] = "Success",
            ["StartTrigger"] = "StartAfterPrevious",
            ["PackageRequirement"] = "LetOctopusDecide",
            ["Properties"] = new JsonObject { ["Octopus.Action.TargetRoles"] = "web-server" },
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = $"Step {i:00}",
                ["ActionType"] = "Octopus.Script",
                // Mixed scoping: the last step runs in Production only, every fourth one in the first two environments.
                ["Environments"] = i == steps ? new JsonArray(environments[^1])
                    : i % 4 == 0 ? environments.Take(2).ToJsonArray() : new JsonArray(),
                ["Channels"] = i == 2 && channels.Count > 0 ? new JsonArray(channels[0]) : new JsonArray(),
                ["Properties"] = new JsonObject
                {
                    ["Octopus.Action.RunOnServer"] = "true",
                    ["Octopus.Action.Script.ScriptSource"] = "Inline",
                    ["Octopus.Action.Script.Syntax"] = "PowerShell",
                    ["Octopus.Action.Script.ScriptBody"] = $"Write-Host 'Step {i} of #{{Octopus.Project.Name}} with #{{App.Setting.{i:00}}}'",
                },
            }),
        }).ToArray());
        await client.UpdateAsync(path, process, ct);
    }

    /// <summary>Two values per name with different scopes: unscoped, one environment, two environments, an environment and a channel, an environment and a role.</summary>
    private static async Task FillVariablesAsync(IOctopusSpaceClient client, string variableSetId, int count, List<string> environments, List<string> channels, CancellationToken ct)
    {
        var path = $"variables/{variableSetId}";
        var set = await client.GetAsync(path, ct);
        set["Variables"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
        {
            ["Name"] = $"App.Setting.{(i + 1) / 2:00}",
            ["Value"] = $"value {i} of {variableSetId}",
            ["Type"] = "String",
            ["IsSensitive"] = false,
            ["Scope"] = Scope(i, environments, channels),
        }).ToArray());
        await client.UpdateAsync(path, set, ct);
    }

    private static JsonObject Scope(int i, List<string> environments, List<string> channels) => (i % 5) switch
    {
        0 => new JsonObject(),
        1 => new JsonObject { ["Environment"] = new JsonArray(environments[i % environments.Count]) },
        2 => new JsonObject { ["Environment"] = new JsonArray(environments[0], environments[^1]) },
        3 when channels.Count > 0 => new JsonObject { ["Environment"] = new JsonArray(environments[1]), ["Channel"] = new JsonArray(channels[i % channels.Count]) },
        _ => new JsonObject { ["Environment"] = new JsonArray(environments[2]), ["Role"] = new JsonArray("web-server") },
    };
}
