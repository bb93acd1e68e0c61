using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.IntegrationTests.Emulator;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #12 item 1 (docs/secrets.md): every sensitive value of OctoFx comes from an env, a file or a command source.
/// The sync writes each secret where it would write a placeholder, once; an unchanged secret is not written again, a
/// changed one is; a failing source stops the run before any write; and no secret value appears in any output, plan
/// file, state file, report or request log.
/// </summary>
public sealed class SecretsSyncTests : IDisposable
{
    private const string EnvName = "OCTOSYNC_TEST_DB_PASSWORD";
    private readonly string secretsFolder = Path.Combine(Path.GetTempPath(), $"octosync-secrets-{Guid.NewGuid():N}");
    private readonly string envSecret = $"env-secret-{Guid.NewGuid():N}";
    private readonly string fileSecret = $"file-secret-{Guid.NewGuid():N}";
    private readonly string commandSecret = $"command-secret-{Guid.NewGuid():N}";

    public SecretsSyncTests() => Directory.CreateDirectory(secretsFolder);

    [Fact]
    public async Task Every_secret_is_written_once_from_its_source_and_again_only_when_it_changes_and_never_leaks()
    {
        var filePath = Path.Combine(secretsFolder, "api-token");
        var commandFile = Path.Combine(secretsFolder, "signing-key");
        await File.WriteAllTextAsync(filePath, fileSecret + "\n");
        await File.WriteAllTextAsync(commandFile, commandSecret + "\n");
        await using var instances = await TwoInstances.StartAsync(rulesYaml: SecretsYaml(
            ("OctoFx/Db.Password", "{ Environment: [Staging] }", "${" + EnvName + "}"),
            ("OctoFx/Api.Token", null, $"file:{filePath}"),
            ("OctoFx/Signing.Key", null, $"command:cat \"{commandFile}\"")));
        instances.SecretEnvironment[EnvName] = envSecret;
        await AddSourceSecretsAsync(instances);
        var outputs = new List<string>();

        var (exit, output) = await instances.RunAsync("plan", "--out", Path.Combine(instances.Folder, "plan.json"), "--html", Path.Combine(instances.Folder, "plan.html"));
        outputs.Add(output);
        Assert.True(exit is 0 or 2, output);
        Assert.Contains("from ${" + EnvName + "}", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());

        (exit, output) = await instances.RunAsync("apply", "--yes", "--output", "json", "--html", Path.Combine(instances.Folder, "apply.html"));
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Equal("[]", CleanupOf(output));
        var writes = instances.DestinationWrites();
        Assert.Contains(writes, w => w.StartsWith("PUT", StringComparison.Ordinal) && w.Contains("/variables/", StringComparison.Ordinal));
        Assert.Equal(
            new Dictionary<string, string?> { ["Api.Token"] = fileSecret, ["Db.Password"] = envSecret, ["Signing.Key"] = commandSecret },
            await StoredSecretsAsync(instances));

        (_, output) = await instances.RunAsync("plan", "--output", "json");
        outputs.Add(output);
        Assert.Contains("is unchanged since OctoSync wrote it", output, StringComparison.Ordinal);

        // Unchanged secrets: nothing is written.
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());

        // A changed env value: written again (one PUT of the variable set), the other secrets kept.
        var changed = $"env-secret-changed-{Guid.NewGuid():N}";
        instances.SecretEnvironment[EnvName] = changed;
        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.True(exit == 0, output);
        Assert.Single(instances.DestinationWrites(), w => w.Contains("/variables/", StringComparison.Ordinal));
        Assert.Equal(
            new Dictionary<string, string?> { ["Api.Token"] = fileSecret, ["Db.Password"] = changed, ["Signing.Key"] = commandSecret },
            await StoredSecretsAsync(instances));

        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        outputs.Add(output);
        Assert.Empty(instances.DestinationWrites());

        // The scan: every output, every file the runs left (plan file, HTML reports, state, hash key), both request logs.
        var files = Directory.EnumerateFiles(instances.Folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal) && f.Contains("state", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(files, f => Path.GetFileName(f) == "secrets.key");
        var haystacks = outputs
            .Concat(files.Select(File.ReadAllText))
            .Concat(instances.Destination.RequestLog.Concat(instances.Source.RequestLog).Select(e => e.ToString()))
            .ToList();
        foreach (var secret in new[] { envSecret, changed, fileSecret, commandSecret })
        {
            Assert.DoesNotContain(haystacks, h => h.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failing_command_source_is_an_error_before_any_write()
    {
        await using var instances = await TwoInstances.StartAsync(rulesYaml: SecretsYaml(("OctoFx/Db.Password", null, "command:false")));
        await AddSourceSecretsAsync(instances);

        var (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.NotEqual(0, exit);
        Assert.Contains("destinations[staging-production].secrets[0].value", output, StringComparison.Ordinal);
        Assert.Contains("command:false exited with code 1", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_placeholder_OctoSync_wrote_is_replaced_once_a_secret_is_supplied_and_the_clean_up_report_shrinks()
    {
        await using var instances = await TwoInstances.StartAsync();
        await AddSourceSecretsAsync(instances);
        var (exit, output) = await instances.RunAsync("apply", "--yes", "--output", "json");
        Assert.True(exit == 0, output);
        Assert.Equal("Replace Me", (await StoredSecretsAsync(instances))["Api.Token"]);
        Assert.Contains("Api.Token", CleanupOf(output), StringComparison.Ordinal);

        instances.SecretEnvironment["TOKEN"] = envSecret;
        await WriteConfigurationAsync(instances, SecretsYaml(("OctoFx/Api.Token", null, "${TOKEN}")));
        (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        Assert.Contains("replaces the placeholder with the secret from ${TOKEN}", output, StringComparison.Ordinal);
        (exit, output) = await instances.RunAsync("apply", "--yes", "--output", "json");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Api.Token", CleanupOf(output), StringComparison.Ordinal);
        var stored = await StoredSecretsAsync(instances);
        Assert.Equal(envSecret, stored["Api.Token"]);
        Assert.Equal("Replace Me", stored["Signing.Key"]);

        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    private static Task WriteConfigurationAsync(TwoInstances instances, string yaml) =>
        File.WriteAllTextAsync(instances.ConfigPath, OctoFxExample.ConfigurationYaml(instances.Source.BaseUrl, instances.Destination.BaseUrl, null, yaml));

    public void Dispose()
    {
        try
        {
            Directory.Delete(secretsFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: leaving it behind is harmless.
        }
    }

    private static string SecretsYaml(params (string Variable, string? Scope, string Value)[] entries) =>
        "    secrets:\n" + string.Concat(entries.Select(e =>
            $"      - variable: {e.Variable}\n" + (e.Scope is null ? "" : $"        scope: {e.Scope}\n") + $"        value: '{e.Value}'\n"));

    internal static string CleanupOf(string json) => string.Join('\n', Find(JsonNode.Parse(json)!, "cleanup"));

    private static IEnumerable<string> Find(JsonNode node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase) && p.Value is not null
            ? [p.Value.ToJsonString()]
            : p.Value is null ? [] : Find(p.Value, name)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(n => Find(n, name)),
        _ => [],
    };

    /// <summary>Three sensitive values on the source's OctoFx: one scoped to Test (Staging on the destination), two unscoped.</summary>
    internal static async Task AddSourceSecretsAsync(TwoInstances instances)
    {
        var client = instances.SourceClient;
        var project = (await client.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        var test = (await client.GetAllAsync("environments")).Single(e => e.Name() == "Test");
        var set = await client.GetAsync($"variables/{project.Str("VariableSetId")}");
        var variables = set.Arr("Variables");
        variables.Add(Sensitive("Db.Password", "source-db", new JsonObject { ["Environment"] = new JsonArray(test.Str("Id")) }));
        variables.Add(Sensitive("Api.Token", "source-token", new JsonObject()));
        variables.Add(Sensitive("Signing.Key", "source-key", new JsonObject()));
        await client.UpdateAsync($"variables/{set.Str("Id")}", set);
        instances.Source.ClearRequestLog();
    }

    private static JsonObject Sensitive(string name, string value, JsonObject scope) => new()
    {
        ["Id"] = Guid.NewGuid().ToString(),
        ["Name"] = name,
        ["Value"] = value,
        ["Type"] = "Sensitive",
        ["IsSensitive"] = true,
        ["Scope"] = scope,
    };

    internal static async Task<Dictionary<string, string?>> StoredSecretsAsync(TwoInstances instances)
    {
        var project = (await instances.DestinationClient.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        var stored = EmulatorInternals.Stored(instances.Destination, "variables", project.Str("VariableSetId")!)!;
        return stored.Arr("Variables").Objects().Where(v => v.Bool("IsSensitive"))
            .ToDictionary(v => v.Name(), v => v.Str("Value"), StringComparer.Ordinal);
    }
}
