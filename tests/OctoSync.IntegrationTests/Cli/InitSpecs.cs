using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Cli;
using OctoSync.Engine.Configuration;
using OctoSync.IntegrationTests.EndToEnd;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.Cli;

/// <summary><c>octosync init</c> against two emulated instances: a starter octosync.yaml that the reader and the schema accept.</summary>
public class InitSpecs
{
    [Fact]
    public async Task Init_reads_both_instances_and_writes_a_configuration_that_loads_and_validates()
    {
        await using var two = await TwoInstances.StartAsync();
        await two.DestinationClient.CreateAsync("environments", new JsonObject { ["Name"] = "Test" });
        two.Source.ClearRequestLog();
        two.Destination.ClearRequestLog();
        var environment = new Dictionary<string, string>
        {
            ["OCTOPUS_URL"] = two.Source.BaseUrl.ToString(),
            ["OCTOPUS_API_KEY"] = two.Source.ApiKey,
            ["OCTOPUS_DESTINATION_API_KEY"] = two.Destination.ApiKey,
        };
        var path = Path.Combine(two.Folder, "init", "octosync.yaml");

        var (exit, output) = await RunAsync(two, environment, "init", "--destination-url", two.Destination.BaseUrl.ToString(), "-c", path);

        Assert.True(exit == ExitCodes.Success, output);
        var yaml = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# yaml-language-server: $schema=.octosync/octosync.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(two.Folder, "init", ".octosync", "octosync.schema.json")));
        Assert.Contains("      Test: Test   # same name on both instances", yaml, StringComparison.Ordinal);
        Assert.Contains("      # Development: ?   # excluded: there is no environment named Development on the destination", yaml, StringComparison.Ordinal);
        Assert.Contains("# Destination environments no source environment maps to yet: Staging, Production.", yaml, StringComparison.Ordinal);
        Assert.Contains("# Lifecycles", yaml, StringComparison.Ordinal);
        Assert.Contains("apiKey: ${OCTOPUS_API_KEY}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(two.Source.ApiKey, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(two.Destination.ApiKey, yaml, StringComparison.Ordinal);
        Assert.Empty(two.DestinationWrites());
        Assert.Empty(two.SourceWrites());

        // The schema accepts it, and the reader reads every rule at its default.
        JsonSchemas.AssertValid(JsonSchemas.Config, YamlAsJson.Parse(yaml)!.ToJsonString());
        var config = ConfigurationLoader.Load(path, n => environment.TryGetValue(n, out var v) ? v : null);
        var destination = Assert.Single(config.Destinations);
        Assert.Equal("Test", Assert.Single(destination.Environments).Value);
        Assert.Equal(JsonSerializer.Serialize(new SyncRules()), JsonSerializer.Serialize(destination.Rules.Default));
        Assert.Equal(two.Source.BaseUrl, config.Source.Url);
    }

    [Fact]
    public async Task Init_never_overwrites_a_file_without_force()
    {
        await using var two = await TwoInstances.StartAsync();
        var environment = new Dictionary<string, string> { ["OCTOPUS_API_KEY"] = two.Source.ApiKey, ["OCTOPUS_DESTINATION_API_KEY"] = two.Destination.ApiKey };
        string[] args = ["init", "--source-url", two.Source.BaseUrl.ToString(), "--destination-url", two.Destination.BaseUrl.ToString(), "-c", two.ConfigPath];
        var before = await File.ReadAllTextAsync(two.ConfigPath);

        var (exit, output) = await RunAsync(two, environment, args);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("already exists; nothing was written (--force overwrites it)", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(two.ConfigPath));

        (exit, _) = await RunAsync(two, environment, [.. args, "--force"]);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.NotEqual(before, await File.ReadAllTextAsync(two.ConfigPath));
    }

    [Fact]
    public async Task Init_names_the_variable_of_a_missing_key()
    {
        await using var two = await TwoInstances.StartAsync();
        var path = Path.Combine(two.Folder, "missing", "octosync.yaml");

        var (exit, output) = await RunAsync(two, new() { ["OCTOPUS_API_KEY"] = two.Source.ApiKey },
            "init", "--source-url", two.Source.BaseUrl.ToString(), "--destination-url", two.Destination.BaseUrl.ToString(), "-c", path);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("OCTOPUS_DESTINATION_API_KEY, which is not set", output, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static async Task<(int, string)> RunAsync(TwoInstances two, Dictionary<string, string> environment, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var errors = new TestConsole().Width(250);
        var services = two.Services with { Environment = n => environment.TryGetValue(n, out var v) ? v : null };
        var exit = await CliApp.RunAsync(args, console, services, errors);
        return (exit, console.Output + errors.Output);
    }
}
