using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>What a person (or the source's owner) does to tenants, tag sets and tenant variables, through the REST API.</summary>
internal static class Tenancy
{
    public static async Task<JsonObject> ByNameAsync(IOctopusSpaceClient client, string collection, string name) =>
        (await client.GetAllAsync(collection)).Single(d => d.Name() == name);

    public static Task<JsonObject> SaveAsync(IOctopusSpaceClient client, string collection, JsonObject document) =>
        client.UpdateAsync($"{collection}/{document.Id()}", document);

    public static async Task<string> IdAsync(IOctopusSpaceClient client, string collection, string name) => (await ByNameAsync(client, collection, name)).Id();

    public static JsonObject Tag(string name) => new() { ["Name"] = name, ["Color"] = "#333333", ["Description"] = "" };

    public static async Task<JsonObject> CreateTagSetAsync(IOctopusSpaceClient client, string name, params string[] tags) =>
        await client.CreateAsync("tagsets", new JsonObject { ["Name"] = name, ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)Tag(t)).ToArray()) });

    public static async Task AddTagAsync(IOctopusSpaceClient client, string set, string tag)
    {
        var tagSet = await ByNameAsync(client, "tagsets", set);
        tagSet.Arr("Tags").Add(Tag(tag));
        await SaveAsync(client, "tagsets", tagSet);
    }

    public static async Task RemoveTagAsync(IOctopusSpaceClient client, string set, string tag)
    {
        var tagSet = await ByNameAsync(client, "tagsets", set);
        var tags = tagSet.Arr("Tags");
        tags.Remove(tags.Objects().Single(t => t.Name() == tag));
        await SaveAsync(client, "tagsets", tagSet);
    }

    public static async Task<List<string>> TagNamesAsync(IOctopusSpaceClient client, string set) =>
        (await ByNameAsync(client, "tagsets", set)).Arr("Tags").Objects().Select(t => t.Name()).Order(StringComparer.Ordinal).ToList();

    /// <summary>A tenant's connections by names: <c>Project/Environment</c>, sorted.</summary>
    public static async Task<List<string>> ConnectionsAsync(IOctopusSpaceClient client, string tenant)
    {
        var projects = (await client.GetAllAsync("projects")).ToDictionary(p => p.Id(), p => p.Name());
        var environments = (await client.GetAllAsync("environments")).ToDictionary(e => e.Id(), e => e.Name());
        var document = await ByNameAsync(client, "tenants", tenant);
        return (document.Obj("ProjectEnvironments") ?? [])
            .SelectMany(p => (p.Value as JsonArray ?? []).Select(e => $"{projects[p.Key]}/{environments[e!.GetValue<string>()]}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static async Task ConnectAsync(IOctopusSpaceClient client, string tenant, string project, params string[] environments)
    {
        var document = await ByNameAsync(client, "tenants", tenant);
        var ids = new List<string>();
        foreach (var environment in environments)
        {
            ids.Add(await IdAsync(client, "environments", environment));
        }

        document["ProjectEnvironments"]![await IdAsync(client, "projects", project)] = ids.ToJsonArray();
        await SaveAsync(client, "tenants", document);
    }

    public static async Task DisconnectAsync(IOctopusSpaceClient client, string tenant, string project)
    {
        var document = await ByNameAsync(client, "tenants", tenant);
        ((JsonObject)document["ProjectEnvironments"]!).Remove(await IdAsync(client, "projects", project));
        await SaveAsync(client, "tenants", document);
    }

    /// <summary>A project in the first project group and lifecycle there are.</summary>
    public static async Task<JsonObject> CreateProjectAsync(IOctopusSpaceClient client, string name)
    {
        var group = (await client.GetAllAsync("projectgroups")).FirstOrDefault()?.Id()
            ?? (await client.CreateAsync("projectgroups", new JsonObject { ["Name"] = "Local group" })).Id();
        var lifecycle = (await client.GetAllAsync("lifecycles")).FirstOrDefault()?.Id()
            ?? (await client.CreateAsync("lifecycles", new JsonObject { ["Name"] = "Local", ["Phases"] = new JsonArray() })).Id();
        return await client.CreateAsync("projects", new JsonObject
        {
            ["Name"] = name,
            ["ProjectGroupId"] = group,
            ["LifecycleId"] = lifecycle,
            ["TenantedDeploymentMode"] = "TenantedOrUntenanted",
        });
    }

    /// <summary>The steps of a project's deployment process, by name.</summary>
    public static async Task<List<JsonObject>> StepsAsync(IOctopusSpaceClient client, string project)
    {
        var document = await ByNameAsync(client, "projects", project);
        return (await client.GetAsync($"deploymentprocesses/{document.Str("DeploymentProcessId")}")).Arr("Steps").Objects().ToList();
    }

    public static async Task TagFirstStepAsync(IOctopusSpaceClient client, string project, string tag)
    {
        var document = await ByNameAsync(client, "projects", project);
        var path = $"deploymentprocesses/{document.Str("DeploymentProcessId")}";
        var process = await client.GetAsync(path);
        process.Arr("Steps").Objects().First().Arr("Actions").Objects().First()["TenantTags"] = new[] { tag }.ToJsonArray();
        await client.UpdateAsync(path, process);
    }

    public static JsonObject Template(string name, string controlType = "SingleLineText") => new()
    {
        ["Name"] = name,
        ["Label"] = name,
        ["HelpText"] = "",
        ["DefaultValue"] = "",
        ["DisplaySettings"] = new JsonObject { ["Octopus.ControlType"] = controlType },
    };

    /// <summary>One value of a tenant's variables: <paramref name="owner"/> is a project or library variable set name;
    /// <paramref name="environment"/> is null for a library set's common value; a null value removes it.</summary>
    public static async Task SetTenantVariableAsync(IOctopusSpaceClient client, string tenant, string owner, string? environment, string template, JsonNode? value)
    {
        var tenantId = await IdAsync(client, "tenants", tenant);
        var document = await client.GetTenantVariablesAsync(tenantId);
        var (section, values) = environment is null
            ? Section(document, "LibraryVariables", "LibraryVariableSetName", owner)
            : Section(document, "ProjectVariables", "ProjectName", owner);
        var templateId = section.Arr("Templates").Objects().Single(t => t.Name() == template).Id();
        if (environment is not null)
        {
            var environmentId = await IdAsync(client, "environments", environment);
            if (values[environmentId] is not JsonObject perEnvironment)
            {
                perEnvironment = [];
                values[environmentId] = perEnvironment;
            }

            values = perEnvironment;
        }

        if (value is null)
        {
            values.Remove(templateId);
        }
        else
        {
            values[templateId] = value;
        }

        await client.UpdateTenantVariablesAsync(tenantId, document);
    }

    /// <summary>A tenant variable value as the API returns it (sensitive ones only say whether they are set), or null.</summary>
    public static async Task<JsonNode?> TenantVariableAsync(IOctopusSpaceClient client, string tenant, string owner, string? environment, string template)
    {
        var document = await client.GetTenantVariablesAsync(await IdAsync(client, "tenants", tenant));
        var (section, values) = environment is null
            ? Section(document, "LibraryVariables", "LibraryVariableSetName", owner)
            : Section(document, "ProjectVariables", "ProjectName", owner);
        var templateId = section.Arr("Templates").Objects().Single(t => t.Name() == template).Id();
        if (environment is not null)
        {
            values = values[await IdAsync(client, "environments", environment)] as JsonObject ?? [];
        }

        return values[templateId]?.DeepClone();
    }

    private static (JsonObject Section, JsonObject Values) Section(JsonObject document, string kind, string nameField, string owner)
    {
        var section = (document.Obj(kind) ?? []).Select(p => p.Value).OfType<JsonObject>().Single(s => s.Str(nameField) == owner);
        if (section["Variables"] is not JsonObject values)
        {
            values = [];
            section["Variables"] = values;
        }

        return (section, values);
    }
}
