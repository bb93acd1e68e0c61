using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.Snapshot;

/// <summary>How big a synthetic space is (the benchmark and the snapshot tests share it).</summary>
public sealed record SyntheticSpaceShape(int Projects)
{
    public int StepsPerProcess { get; init; } = 3;
    public int VariablesPerProject { get; init; } = 20;
    public int RunbooksPerProject { get; init; } = 1;
    public int LibraryVariableSets { get; init; } = 2;
    public IReadOnlyList<string> Environments { get; init; } = ["Development", "Test", "Production"];
}

/// <summary>
/// Fills an emulated space through the REST API, as a person with a script would: environments, library variable
/// sets, then projects (in parallel, bounded by the client) each with a deployment process, variables and runbooks.
/// </summary>
public static class SyntheticSpace
{
    public static async Task SeedAsync(IOctopusSpaceClient client, SyntheticSpaceShape shape, CancellationToken ct = default)
    {
        var environments = new List<string>();
        foreach (var name in shape.Environments)
        {
            environments.Add((await CreateAsync(client, "environments", new JsonObject { ["Name"] = name }, ct)).Id());
        }

        var lifecycleId = (await client.GetAllAsync("lifecycles", ct))[0].Id();
        var groupId = (await client.GetAllAsync("projectgroups", ct))[0].Id();
        var libraries = await Task.WhenAll(Enumerable.Range(1, shape.LibraryVariableSets).Select(i => CreateLibraryAsync(client, $"Library {i}", environments, ct)));
        await Task.WhenAll(Enumerable.Range(1, shape.Projects).Select(i =>
            CreateProjectAsync(client, shape, $"Project {i:000}", groupId, lifecycleId, libraries, environments, ct)));
    }

    private static async Task<string> CreateLibraryAsync(IOctopusSpaceClient client, string name, List<string> environments, CancellationToken ct)
    {
        var library = await CreateAsync(client, "libraryvariablesets", new JsonObject { ["Name"] = name, ["ContentType"] = "Variables" }, ct);
        await FillVariablesAsync(client, library.Str("VariableSetId")!, 5, environments, ct);
        return library.Id();
    }

    private static async Task CreateProjectAsync(
        IOctopusSpaceClient client, SyntheticSpaceShape shape, string name, string groupId, string lifecycleId,
        IEnumerable<string> libraries, List<string> environments, CancellationToken ct)
    {
        var project = await CreateAsync(client, "projects", new JsonObject
        {
            ["Name"] = name,
            ["ProjectGroupId"] = groupId,
            ["LifecycleId"] = lifecycleId,
            ["IncludedLibraryVariableSetIds"] = libraries.ToJsonArray(),
        }, ct);
        await FillProcessAsync(client, $"deploymentprocesses/{project.Str("DeploymentProcessId")}", shape.StepsPerProcess, environments, ct);
        await FillVariablesAsync(client, project.Str("VariableSetId")!, shape.VariablesPerProject, environments, ct);
        for (var i = 1; i <= shape.RunbooksPerProject; i++)
        {
            var runbook = await CreateAsync(client, "runbooks", new JsonObject { ["Name"] = $"Runbook {i}", ["ProjectId"] = project.Id() }, ct);
            await FillProcessAsync(client, $"runbookProcesses/{runbook.Str("RunbookProcessId")}", 1, environments, ct);
        }
    }

    /// <summary>
    /// POST, and after a 5xx or a dropped connection (which the client does not retry for a POST, since the server may
    /// have created the object) look the object up by name before posting again: seeding works under faults too.
    /// </summary>
    private static async Task<JsonObject> CreateAsync(IOctopusSpaceClient client, string collection, JsonObject body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.CreateAsync(collection, body.Clone(), ct);
            }
            catch (OctopusApiException ex) when (attempt < 5 && (ex.StatusCode == 0 || ex.StatusCode >= 500))
            {
                var existing = (await client.GetAllAsync(collection, ct)).FirstOrDefault(d =>
                    d.Name() == body.Name() && d.Str("ProjectId") == body.Str("ProjectId"));
                if (existing is not null)
                {
                    return existing;
                }
            }
        }
    }

    private static async Task FillProcessAsync(IOctopusSpaceClient client, string path, int steps, List<string> environments, CancellationToken ct)
    {
        var process = await client.GetAsync(path, ct);
        process["Steps"] = new JsonArray(Enumerable.Range(1, steps).Select(i => (JsonNode)new JsonObject
        {
            ["Name"] = $"Step {i}",
            ["Condition"] = "Success",
            ["StartTrigger"] = "StartAfterPrevious",
            ["PackageRequirement"] = "LetOctopusDecide",
            ["Properties"] = new JsonObject { ["Octopus.Action.TargetRoles"] = "web-server" },
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = $"Step {i}",
                ["ActionType"] = "Octopus.Script",
                ["Environments"] = i == steps ? new JsonArray(environments[^1]) : new JsonArray(),
                ["Properties"] = new JsonObject
                {
                    ["Octopus.Action.RunOnServer"] = "true",
                    ["Octopus.Action.Script.ScriptSource"] = "Inline",
                    ["Octopus.Action.Script.Syntax"] = "PowerShell",
                    ["Octopus.Action.Script.ScriptBody"] = $"Write-Host 'Step {i} of #{{Octopus.Project.Name}}'",
                },
            }),
        }).ToArray());
        await client.UpdateAsync(path, process, ct);
    }

    private static async Task FillVariablesAsync(IOctopusSpaceClient client, string variableSetId, int count, List<string> environments, CancellationToken ct)
    {
        var path = $"variables/{variableSetId}";
        var set = await client.GetAsync(path, ct);
        set["Variables"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
        {
            ["Name"] = $"Variable.{i / 3:00}",
            ["Value"] = $"value {i}",
            ["Type"] = "String",
            ["IsSensitive"] = false,
            ["Scope"] = new JsonObject { ["Environment"] = new JsonArray(environments[i % environments.Count]) },
        }).ToArray());
        await client.UpdateAsync(path, set, ct);
    }
}
