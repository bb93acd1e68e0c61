using OctoSync.IntegrationTests.EndToEnd;

namespace OctoSync.IntegrationTests.Cli;

/// <summary><c>--html FILE</c> against the two emulated instances of the seed: the report is written, and holds no secret.</summary>
public class HtmlReportSpecs
{
    private const string Secret = "S3cret-Db-Password-42";

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task Plan_and_apply_write_the_html_report_with_the_seeds_variables_and_no_secrets(string command)
    {
        await using var instances = await TwoInstances.StartAsync();
        await AddSensitiveVariableAsync(instances);
        var file = Path.Combine(instances.Folder, $"{command}.html");

        var (exit, _) = await instances.RunAsync(command == "apply" ? ["apply", "--yes", "--html", file] : ["plan", "--html", file]);

        Assert.Equal(0, exit);
        var html = await File.ReadAllTextAsync(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var expected in new[] { "Application.Database.Name", "ConnectionString", "Database=#{Application.Database.Name}", "Destination before", "Destination after", "Db.Password" })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        // The first sync writes the variables: the "after" table's rows are new (for an apply: really written).
        Assert.Contains("<tr class=\"d-create\"><td>ConnectionString</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(instances.Source.ApiKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(instances.Destination.ApiKey, html, StringComparison.Ordinal);
        Assert.Equal(command == "apply", instances.DestinationWrites().Count > 0);
    }

    /// <summary>A sensitive value on the source (the emulator, like Octopus, never returns it, but it is there to leak).</summary>
    private static async Task AddSensitiveVariableAsync(TwoInstances instances)
    {
        var project = (await instances.SourceClient.GetAllAsync("projects")).Single(p => p["Name"]?.GetValue<string>() == "OctoFx");
        var path = $"variables/{project["VariableSetId"]!.GetValue<string>()}";
        var set = await instances.SourceClient.GetAsync(path);
        set["Variables"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["Name"] = "Db.Password",
            ["Value"] = Secret,
            ["Type"] = "Sensitive",
            ["IsSensitive"] = true,
            ["Scope"] = new System.Text.Json.Nodes.JsonObject(),
        });
        await instances.SourceClient.UpdateAsync(path, set);
        instances.Source.ClearRequestLog();
    }
}
