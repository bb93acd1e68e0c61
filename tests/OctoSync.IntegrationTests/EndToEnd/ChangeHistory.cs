using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// What people do to the two instances between syncs (issue #7), over the REST API as a person's script would: the
/// source's process, channels, runbooks, projects, library sets and variables; a person's additions on the destination.
/// </summary>
internal static class ChangeHistory
{
    public static async Task<JsonObject> ProjectAsync(this IOctopusSpaceClient client) =>
        await client.NamedAsync("projects", OctoFxExample.Project) ?? throw new InvalidOperationException("OctoFx is missing.");

    /// <summary>Reads OctoFx's deployment process, lets <paramref name="edit"/> change its steps, and writes it back.</summary>
    public static async Task EditStepsAsync(this IOctopusSpaceClient client, Action<JsonArray> edit)
    {
        var project = await client.ProjectAsync();
        var path = $"deploymentprocesses/{project.Str("DeploymentProcessId")}";
        var process = await client.GetAsync(path);
        edit(process.Arr("Steps"));
        await client.UpdateAsync(path, process);
    }

    /// <summary>The step names of OctoFx's deployment process, in order, with their Ids.</summary>
    public static async Task<List<(string Name, string Id)>> StepsAsync(this IOctopusSpaceClient client)
    {
        var project = await client.ProjectAsync();
        var process = await client.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        return [.. process.Arr("Steps").Objects().Select(s => (s.Name(), s.Id()))];
    }

    public static JsonObject Named(this JsonArray items, string name) =>
        items.Objects().Single(s => s.Name() == name);

    /// <summary>Reads OctoFx's variable set, lets <paramref name="edit"/> change its values, and writes it back.</summary>
    public static async Task EditVariablesAsync(this IOctopusSpaceClient client, Action<JsonArray> edit)
    {
        var set = await OctoFxExample.VariableSetAsync(client);
        edit(set.Arr("Variables"));
        await client.UpdateAsync($"variables/{set.Id()}", set);
    }

    /// <summary>
    /// The seed's recurring change as a script or an import makes it: every value is written anew, so every value gets a
    /// new id (nothing links the new ConnectionString to the old one but its name and text).
    /// </summary>
    public static async Task ChangeSourceAsInSeedWithNewIdsAsync(this IOctopusSpaceClient source)
    {
        await source.EditVariablesAsync(variables =>
        {
            variables.Clear();
            variables.Add(Value(OctoFxExample.DatabaseName, "OctoFx-#{Octopus.Environment.Name}"));
            variables.Add(Value(OctoFxExample.ConnectionString, "Database=#{Application.Database.Name}", ("Role", "SQL-Server")));
            variables.Add(Value(OctoFxExample.ConnectionString, "Data Source=#{Application.Database.Name}", ("Role", "Oracle")));
        });
    }

    public static JsonObject Value(string name, string text, params (string Dimension, string Item)[] scope)
    {
        var s = new JsonObject();
        foreach (var (dimension, item) in scope)
        {
            s[dimension] = new JsonArray(item);
        }

        return new JsonObject
        {
            ["Id"] = Guid.NewGuid().ToString(),
            ["Name"] = name,
            ["Value"] = text,
            ["Type"] = "String",
            ["IsSensitive"] = false,
            ["Scope"] = s,
        };
    }

    /// <summary>A channel on the source that reaches the destination (no lifecycle of its own: it inherits the project's).</summary>
    public static async Task<string> AddChannelAsync(this IOctopusSpaceClient client, string name)
    {
        var project = await client.ProjectAsync();
        var channel = await client.CreateAsync("channels", new JsonObject
        {
            ["Name"] = name,
            ["ProjectId"] = project.Id(),
            ["Description"] = "Early releases.",
        });
        return channel.Id();
    }

    /// <summary>A library variable set with one value, on the source.</summary>
    public static async Task<string> AddLibrarySetAsync(this IOctopusSpaceClient client, string name)
    {
        var set = await client.CreateAsync("libraryvariablesets", new JsonObject { ["Name"] = name, ["Description"] = "", ["ContentType"] = "Variables" });
        var path = $"variables/{set.Str("VariableSetId")}";
        var variables = await client.GetAsync(path);
        variables["Variables"] = new JsonArray(Value("Shared.Url", "https://shared.example"));
        await client.UpdateAsync(path, variables);
        return set.Id();
    }

    /// <summary>The ConnectionString values on an instance, as (text, scope dimension → names) rows.</summary>
    public static async Task<List<JsonObject>> ValuesAsync(this IOctopusSpaceClient client, string name)
    {
        var set = await OctoFxExample.VariableSetAsync(client);
        return [.. set.Arr("Variables").Objects().Where(v => v.Name() == name)];
    }
}
