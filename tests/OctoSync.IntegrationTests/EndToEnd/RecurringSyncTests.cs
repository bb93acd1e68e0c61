using OctoSync.Cli.Demo;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Sync;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #4, the seed's recurring example: an initial placeholder sync; a person edits Application.Database.Name on
/// the destination; the source changes as the seed shows; the second sync leaves the edited value alone, adds the
/// SQL-Server role scope to the Database=… value, adds the Oracle value and reports the drift; a third writes nothing.
/// </summary>
public class RecurringSyncTests
{
    private static readonly Dictionary<string, string> NothingMapped = [];

    private static readonly (string, string, string)[] SeedsDesiredResult =
    [
        ("Application.Database.Name", "OctoFx-Staging", "Staging"),
        ("", "OctoFx-Production", "Production"),
        ("ConnectionString", "Database=#{Application.Database.Name}", "SQL-Server (role)"),
        ("", "Data Source=#{Application.Database.Name}", "Oracle (role)"),
    ];

    [Fact]
    public async Task The_second_sync_gives_the_seeds_desired_result_and_reports_drift_and_the_third_writes_nothing()
    {
        await using var instances = await TwoInstances.StartAsync(NothingMapped);
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);

        // The seed's person: per-environment values for Staging and Production replace the placeholder.
        await OctoFxExample.SetDestinationDatabaseNamePerEnvironmentAsync(instances.DestinationClient);
        await OctoFxExample.ChangeSourceAsInSeedAsync(instances.SourceClient);

        (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        Assert.Contains("drift", output, StringComparison.OrdinalIgnoreCase);

        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Equal(SeedsDesiredResult, await VariableTable.RowsAsync(instances.DestinationClient, OctoFxExample.Project));

        instances.Destination.ClearRequestLog();
        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_destination_edited_between_plan_and_apply_is_re_read_and_re_planned_once()
    {
        await using var instances = await TwoInstances.StartAsync(NothingMapped);
        var configuration = instances.Services.LoadConfiguration(instances.ConfigPath);
        var runner = new SyncRunner(instances.Services.Sync);
        var initial = Assert.Single(await runner.PlanAsync(configuration));
        Assert.True((await runner.ApplyAsync(configuration, initial)).Succeeded);

        await OctoFxExample.ChangeSourceAsInSeedAsync(instances.SourceClient);
        var planned = Assert.Single(await runner.PlanAsync(configuration));
        // A person edits the variable set after the plan read it: its Version moves on.
        await OctoFxExample.SetDestinationDatabaseNamePerEnvironmentAsync(instances.DestinationClient);
        var result = await runner.ApplyAsync(configuration, planned);

        Assert.True(result.First.HasConflicts);
        Assert.NotNull(result.Replanned);
        Assert.True(result.Succeeded);
        Assert.Equal(SeedsDesiredResult, await VariableTable.RowsAsync(instances.DestinationClient, OctoFxExample.Project));
    }
}
