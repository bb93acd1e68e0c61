namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>The command line against real instances: configuration errors and secrets.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task A_configuration_error_names_the_file_and_line_and_exits_1()
    {
        await using var instances = await TwoInstances.StartAsync(rulesYaml: "rules:\n  variables:\n    scopeMatch: partal");

        var (exit, output) = await instances.RunAsync("plan");

        Assert.Equal(1, exit);
        Assert.Matches(@"octosync\.yaml:\d+", output);
        Assert.Contains("partal", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task Api_keys_never_appear_in_the_output()
    {
        await using var instances = await TwoInstances.StartAsync();

        var outputs = new[]
        {
            (await instances.RunAsync("validate")).Output,
            (await instances.RunAsync("plan")).Output,
            (await instances.RunAsync("apply", "--yes")).Output,
            (await instances.RunAsync("plan", "--output", "json")).Output,
        };

        foreach (var output in outputs)
        {
            Assert.DoesNotContain(instances.Source.ApiKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain(instances.Destination.ApiKey, output, StringComparison.Ordinal);
        }
    }
}
