using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>Reads back what a sync wrote, by names.</summary>
internal static class Destination
{
    public static async Task<JsonObject?> NamedAsync(this IOctopusSpaceClient client, string collection, string name) =>
        (await client.GetAllAsync(collection)).FirstOrDefault(d => d.Name() == name);

    public static async Task<string> IdOfAsync(this IOctopusSpaceClient client, string collection, string name) =>
        (await client.NamedAsync(collection, name))?.Id() ?? throw new InvalidOperationException($"No {collection} named {name}.");

    /// <summary>The actions of OctoFx's deployment process, by name.</summary>
    public static async Task<Dictionary<string, JsonObject>> ActionsAsync(this IOctopusSpaceClient client)
    {
        var project = await client.NamedAsync("projects", OctoFxExample.Project) ?? throw new InvalidOperationException("OctoFx is missing.");
        var process = await client.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        return process.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()).ToDictionary(a => a.Name());
    }
}
