using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.Cli.Demo;

/// <summary>
/// The seed's OctoFx example, written over the Octopus API (so it works against the emulator or a real server).
/// Used by <c>octosync demo</c> and by the end-to-end tests, so both tell the same story.
/// </summary>
public static partial class OctoFxExample
{
    public const string Project = "OctoFx";
    public const string DatabaseName = "Application.Database.Name";
    public const string ConnectionString = "ConnectionString";
    /// <summary>An account that exists by name on both instances and is used directly by a step.</summary>
    public const string SharedAccount = "Azure Subscription";

    /// <summary>The demo's mapping: Test becomes Staging (so the test tenant comes along); Development is excluded.</summary>
    public static readonly IReadOnlyDictionary<string, string> TestToStaging = new Dictionary<string, string> { ["Test"] = "Staging" };

    /// <summary>
    /// An octosync.yaml for the two instances. <paramref name="environments"/>: the destination's mapping (an empty one
    /// excludes both Dev and Test, as in the seed's variable tables); <paramref name="rulesYaml"/>: a top-level <c>rules:</c> block.
    /// API keys come from <c>OCTOSYNC_DEMO_SOURCE_KEY</c> and <c>OCTOSYNC_DEMO_DESTINATION_KEY</c>.
    /// </summary>
    public static string ConfigurationYaml(Uri source, Uri destination, IReadOnlyDictionary<string, string>? environments = null, string? rulesYaml = null)
    {
        var mapping = environments ?? TestToStaging;
        var lines = new List<string>
        {
            "source:",
            $"  url: {source}",
            "  apiKey: ${OCTOSYNC_DEMO_SOURCE_KEY}",
            "destinations:",
            "  - name: staging-production",
            $"    url: {destination}",
            "    apiKey: ${OCTOSYNC_DEMO_DESTINATION_KEY}",
            mapping.Count == 0 ? "    environments: {}" : "    environments:",
        };
        lines.AddRange(mapping.Select(m => $"      {m.Key}: {m.Value}"));
        if (rulesYaml is not null)
        {
            lines.Add(rulesYaml);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Dev/Test: environments, lifecycles, the OctoFx project with its channels, process, runbook and
    /// variables, an account and a certificate scoped to Dev/Test, a shared account, and two tenants.</summary>
    public static async Task SeedSourceAsync(IOctopusSpaceClient source, CancellationToken ct = default)
    {
        var dev = await EnsureAsync(source, "environments", "Development", new JsonObject(), ct);
        var test = await EnsureAsync(source, "environments", "Test", new JsonObject(), ct);
        var devTest = await EnsureAsync(source, "lifecycles", "Dev/Test", Lifecycle(("Development", dev), ("Test", test)), ct);
        var devOnly = await EnsureAsync(source, "lifecycles", "Dev only", Lifecycle(("Development", dev)), ct);
        var group = await EnsureAsync(source, "projectgroups", "OctoFx group", new JsonObject(), ct);
        var azureDevTest = await EnsureAsync(source, "accounts", "Azure Dev/Test", AzureAccount([dev, test]), ct);
        var shared = await EnsureAsync(source, "accounts", SharedAccount, AzureAccount([]), ct);
        await EnsureAsync(source, "certificates", "OctoFx Dev/Test TLS", Certificate([dev, test]), ct);

        var project = await source.CreateAsync("projects", new JsonObject
        {
            ["Name"] = Project,
            ["Description"] = "The seed's example project.",
            ["ProjectGroupId"] = group,
            ["LifecycleId"] = devTest,
            ["TenantedDeploymentMode"] = "TenantedOrUntenanted",
        }, ct);
        var devOnlyChannel = (await source.CreateAsync("channels", new JsonObject
        {
            ["Name"] = "Dev only",
            ["ProjectId"] = project.Id(),
            ["LifecycleId"] = devOnly,
            ["Description"] = "Releases that never leave Development.",
        }, ct)).Id();

        await WriteProcessAsync(source, project, DeploymentSteps(dev, test, devOnlyChannel, shared, azureDevTest), ct);
        await CreateRunbookAsync(source, project.Id(), ct);
        await WriteVariablesAsync(source, project.Str("VariableSetId")!, InitialVariables(dev, test), ct);

        await source.CreateAsync("tenants", Tenant("Test Tenant", project.Id(), dev, test), ct);
        await source.CreateAsync("tenants", Tenant("Customer A", project.Id(), dev), ct);
    }

    /// <summary>Staging/Production: its own environments and the shared account (same name, different details).</summary>
    public static async Task SeedDestinationAsync(IOctopusSpaceClient destination, CancellationToken ct = default)
    {
        await EnsureAsync(destination, "environments", "Staging", new JsonObject(), ct);
        await EnsureAsync(destination, "environments", "Production", new JsonObject(), ct);
        await EnsureAsync(destination, "accounts", SharedAccount, AzureAccount([]), ct);
    }

    /// <summary>The seed's recurring example, source side: one unscoped database name; ConnectionString per role.</summary>
    public static async Task ChangeSourceAsInSeedAsync(IOctopusSpaceClient source, CancellationToken ct = default)
    {
        var set = await VariableSetAsync(source, ct);
        var variables = new JsonArray(
            Variable(DatabaseName, "OctoFx-#{Octopus.Environment.Name}"),
            Variable(ConnectionString, "Database=#{Application.Database.Name}", ("Role", ["SQL-Server"])),
            Variable(ConnectionString, "Data Source=#{Application.Database.Name}", ("Role", ["Oracle"])));
        // Keep the id of the value that stays, as the Octopus UI does when a person edits a value's scope.
        var kept = set.Arr("Variables").Objects().FirstOrDefault(v => v.Str("Name") == ConnectionString);
        if (kept?.Str("Id") is { } id)
        {
            ((JsonObject)variables[1]!)["Id"] = id;
        }

        set["Variables"] = variables;
        await source.UpdateAsync($"variables/{set.Id()}", set, ct);
    }

    /// <summary>The seed's recurring example, destination side: a person sets the database name by hand.</summary>
    /// <summary>
    /// What the seed's person does after the first sync: replaces whatever OctoSync wrote for Application.Database.Name
    /// with one value per destination environment (<c>OctoFx-Staging [Staging]</c>, <c>OctoFx-Production [Production]</c>).
    /// </summary>
    public static async Task SetDestinationDatabaseNamePerEnvironmentAsync(IOctopusSpaceClient destination, CancellationToken ct = default)
    {
        var environments = await destination.GetAllAsync("environments", ct).ConfigureAwait(false);
        var set = await VariableSetAsync(destination, ct).ConfigureAwait(false);
        var variables = set.Arr("Variables");
        foreach (var old in variables.Objects().Where(v => v.Str("Name") == DatabaseName).ToList())
        {
            variables.Remove(old);
        }

        foreach (var environment in environments.Where(e => e.Name() is "Staging" or "Production"))
        {
            variables.Add(new JsonObject
            {
                ["Name"] = DatabaseName,
                ["Value"] = $"OctoFx-{environment.Name()}",
                ["Type"] = "String",
                ["IsSensitive"] = false,
                ["Scope"] = new JsonObject { ["Environment"] = new JsonArray(environment.Id()) },
            });
        }

        await destination.UpdateAsync($"variables/{set.Id()}", set, ct).ConfigureAwait(false);
    }

    /// <summary>The OctoFx project's variable set on this instance.</summary>
    public static async Task<JsonObject> VariableSetAsync(IOctopusSpaceClient client, CancellationToken ct = default)
    {
        var project = (await client.GetAllAsync("projects", ct)).Single(p => p.Name() == Project);
        return await client.GetAsync($"variables/{project.Str("VariableSetId")}", ct);
    }
}
