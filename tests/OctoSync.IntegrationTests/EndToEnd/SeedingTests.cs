using OctoSync.Cli.Demo;
using OctoSync.Cli.Rendering;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>The example the demo and the end-to-end tests share is accepted by the emulator as the seed describes it.</summary>
public class SeedingTests
{
    [Fact]
    public async Task The_source_holds_the_seeds_first_variable_table()
    {
        await using var instances = await TwoInstances.StartAsync();

        var rows = await VariableTable.RowsAsync(instances.SourceClient, OctoFxExample.Project);

        Assert.Equal(
            [
                ("Application.Database.Name", "OctoFx-Dev", "Development"),
                ("", "OctoFX-Test", "Test"),
                ("ConnectionString", "Database=#{Application.Database.Name}", ""),
            ],
            rows);
    }

    [Fact]
    public async Task Validate_reads_both_instances_and_writes_nothing()
    {
        await using var instances = await TwoInstances.StartAsync();

        var (exit, output) = await instances.RunAsync("validate");

        Assert.True(exit == 0, output);
        Assert.Contains("excluded source environments (not mapped, no same name): Development", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
        Assert.Empty(instances.SourceWrites());
    }
}
