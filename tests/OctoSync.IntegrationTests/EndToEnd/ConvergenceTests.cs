using System.Text.Json;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>A sync converges: right after an apply nothing is left to do, and plan and validate never write.</summary>
public class ConvergenceTests
{
    [Fact]
    public async Task After_an_apply_plan_shows_no_changes_and_a_second_apply_sends_no_write()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.NotEmpty(instances.DestinationWrites());
        instances.Destination.ClearRequestLog();

        (exit, output) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", output, StringComparison.Ordinal);
        // Nobody touched the destination: nothing may be reported as left alone or drifted either (server-set
        // fields such as LastModifiedOn must not read as a person's edit).
        Assert.Contains(" skipped, 0 left", output, StringComparison.Ordinal);
        Assert.DoesNotContain("drift", output, StringComparison.OrdinalIgnoreCase);

        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task Plan_and_validate_never_write_and_plan_reports_pending_changes()
    {
        await using var instances = await TwoInstances.StartAsync();

        var (planExit, _) = await instances.RunAsync("plan", "--detailed-exitcode");
        var (validateExit, _) = await instances.RunAsync("validate");
        var (jsonExit, json) = await instances.RunAsync("plan", "--output", "json");

        Assert.Equal(2, planExit);
        Assert.Equal(0, validateExit);
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("destinations")[0].GetProperty("summary").GetProperty("create").GetInt32() > 0);
        Assert.Empty(instances.DestinationWrites());
        Assert.Empty(instances.SourceWrites());
    }
}
