using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>Issue #9 item 2: <c>plan --out FILE</c> then <c>apply FILE</c> writes exactly the reviewed plan, or nothing when it is stale.</summary>
public class SavedPlanTests
{
    private const string Secret = "Sup3r-S3cret-Passw0rd-4-SavedPlanTests";

    [Fact]
    public async Task A_saved_plan_round_trips_applies_exactly_its_changes_and_holds_no_secret()
    {
        await using var instances = await TwoInstances.StartAsync();
        await AddSensitiveSourceVariableAsync(instances);
        var file = Path.Combine(instances.Folder, "reviewed.plan.json");

        var (planExit, planText) = await instances.RunAsync("plan", "--out", file, "--detailed-exitcode");
        Assert.True(planExit == 2, planText);
        var text = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain(instances.Source.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(instances.Destination.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("apikey", text, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(text);
        var destination = json.RootElement.GetProperty("destinations")[0];
        Assert.Equal("octosync-plan", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(0, destination.GetProperty("stateSerial").GetInt64());
        var writing = destination.GetProperty("plan").GetProperty("changes").EnumerateArray()
            .Count(c => c.GetProperty("action").GetString() is "Create" or "Update" or "Delete");
        instances.Source.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("apply", file);

        Assert.True(exit == 0, output);
        Assert.Equal(writing, instances.DestinationWrites().Count);
        Assert.Empty(instances.Source.RequestLog); // no re-planning: the source is not even read
        var (again, againText) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(again == 0, againText);
    }

    [Fact]
    public async Task A_source_change_between_plan_and_apply_is_not_applied_the_reviewed_plan_is()
    {
        await using var instances = await TwoInstances.StartAsync();
        var file = Path.Combine(instances.Folder, "reviewed.plan.json");
        Assert.Equal(2, (await instances.RunAsync("plan", "--out", file, "--detailed-exitcode")).ExitCode);
        var reviewed = await File.ReadAllTextAsync(file);
        var source = await instances.SourceClient.NamedAsync("projects", OctoFxExample.Project);
        var reviewedDescription = source!.Str("Description");
        source!["Description"] = "changed after the review";
        await instances.SourceClient.UpdateAsync($"projects/{source.Id()}", source);

        var (exit, output) = await instances.RunAsync("apply", file);

        Assert.True(exit == 0, output);
        var written = await instances.DestinationClient.NamedAsync("projects", OctoFxExample.Project);
        Assert.Equal(reviewedDescription, written!.Str("Description"));
        Assert.Equal(reviewed, await File.ReadAllTextAsync(file));
        // The change made after the review is for the next plan.
        var (plan, planText) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan == 2, planText);
    }

    [Fact]
    public async Task A_destination_edit_between_plan_and_apply_makes_the_plan_stale_and_nothing_is_written()
    {
        await using var instances = await TwoInstances.StartAsync();
        Assert.Equal(0, (await instances.RunAsync("apply", "--yes")).ExitCode);
        var source = await instances.SourceClient.NamedAsync("projects", OctoFxExample.Project);
        source!["Description"] = "a source change to review";
        await instances.SourceClient.UpdateAsync($"projects/{source.Id()}", source);
        var file = Path.Combine(instances.Folder, "reviewed.plan.json");
        Assert.Equal(2, (await instances.RunAsync("plan", "--out", file, "--detailed-exitcode")).ExitCode);
        var destination = await instances.DestinationClient.NamedAsync("projects", OctoFxExample.Project);
        destination!["Description"] = "a person's edit after the review";
        await instances.DestinationClient.UpdateAsync($"projects/{destination.Id()}", destination);
        instances.Destination.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("apply", file);

        Assert.Equal(1, exit);
        Assert.Contains("stale plan: re-run plan", output, StringComparison.Ordinal);
        Assert.Contains($"Project {OctoFxExample.Project}", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_plan_saved_before_another_apply_is_stale()
    {
        await using var instances = await TwoInstances.StartAsync();
        var file = Path.Combine(instances.Folder, "reviewed.plan.json");
        Assert.Equal(2, (await instances.RunAsync("plan", "--out", file, "--detailed-exitcode")).ExitCode);
        Assert.Equal(0, (await instances.RunAsync("apply", "--yes")).ExitCode);
        instances.Destination.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("apply", file);

        Assert.Equal(1, exit);
        Assert.Contains("stale plan: re-run plan", output, StringComparison.Ordinal);
        Assert.Contains("serial 0", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    [Fact]
    public async Task A_file_that_is_not_a_saved_plan_is_refused_with_its_name()
    {
        await using var instances = await TwoInstances.StartAsync();
        var file = Path.Combine(instances.Folder, "not-a-plan.json");
        await File.WriteAllTextAsync(file, """{"command":"plan","destinations":[]}""");

        var (exit, output) = await instances.RunAsync("apply", file);

        Assert.Equal(1, exit);
        Assert.Contains("not-a-plan.json", output, StringComparison.Ordinal);
        Assert.Contains("plan --out", output, StringComparison.Ordinal);
        Assert.Empty(instances.DestinationWrites());
    }

    private static async Task AddSensitiveSourceVariableAsync(TwoInstances instances)
    {
        var project = await instances.SourceClient.NamedAsync("projects", OctoFxExample.Project);
        var path = $"variables/{project!.Str("VariableSetId")}";
        var set = await instances.SourceClient.GetAsync(path);
        set.Arr("Variables").Add(new JsonObject
        {
            ["Name"] = "Database.Password",
            ["Value"] = Secret,
            ["Type"] = "Sensitive",
            ["IsSensitive"] = true,
            ["Scope"] = new JsonObject(),
        });
        await instances.SourceClient.UpdateAsync(path, set);
    }
}
