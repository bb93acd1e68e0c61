using OctoSync.Cli;
using Spectre.Console.Testing;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary><c>octosync demo</c> tells the whole story and ends with nothing left to do.</summary>
public class DemoTests
{
    [Fact]
    public async Task I_can_run_the_demo_from_seed_to_recurring_sync()
    {
        var console = new TestConsole().Width(250);
        var folder = Path.Combine(Path.GetTempPath(), $"octosync-demo-test-{Guid.NewGuid():N}");

        var exit = await CliApp.RunAsync(["demo", "--work-folder", folder], console);

        Assert.True(exit == ExitCodes.Success, console.Output);
        Assert.Contains("Destination variables after the recurring sync", console.Output, StringComparison.Ordinal);
        Assert.Contains("Oracle (role)", console.Output, StringComparison.Ordinal);
        Assert.Contains("Drift", console.Output, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("API-DEMO", console.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, ".octosync", "state", "staging-production.json")));
        Directory.Delete(folder, recursive: true);
    }
}
