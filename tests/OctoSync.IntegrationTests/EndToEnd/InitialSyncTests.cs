using OctoSync.Cli.Demo;
using OctoSync.Cli.Rendering;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// The seed's initial-sync tables, with a destination where neither Development nor Test exists (nothing mapped):
/// <c>whenNoEnvironmentLeft: unscope</c> gives the seed's first table, <c>placeholder</c> (the default) its second.
/// </summary>
public class InitialSyncTests
{
    private static readonly Dictionary<string, string> NothingMapped = [];

    public static TheoryData<string, (string, string, string)[]> SeedTables => new()
    {
        {
            "unscope",
            [
                ("Application.Database.Name", "OctoFx-Dev", ""),
                ("", "OctoFX-Test", ""),
                ("ConnectionString", "Database=#{Application.Database.Name}", ""),
            ]
        },
        {
            "placeholder",
            [
                ("Application.Database.Name", "Replace Me", ""),
                ("ConnectionString", "Database=#{Application.Database.Name}", ""),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(SeedTables))]
    public async Task The_initial_sync_writes_the_seeds_table(string whenNoEnvironmentLeft, (string, string, string)[] expected)
    {
        await using var instances = await TwoInstances.StartAsync(NothingMapped, $"rules:\n  variables:\n    whenNoEnvironmentLeft: {whenNoEnvironmentLeft}");

        var (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.True(exit == 0, output);
        Assert.Equal(expected, await VariableTable.RowsAsync(instances.DestinationClient, OctoFxExample.Project));
    }

    [Fact]
    public async Task Steps_for_excluded_environments_and_the_Dev_only_channel_are_skipped_and_the_rest_arrive()
    {
        await using var instances = await TwoInstances.StartAsync(NothingMapped);

        var (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.True(exit == 0, output);
        var actions = await instances.DestinationClient.ActionsAsync();
        Assert.Equal(["Deploy OctoFx web", "Configure Azure web app", "Notify"], actions.Keys);
        Assert.Null(await instances.DestinationClient.NamedAsync("tenants", "Test Tenant"));
    }
}
