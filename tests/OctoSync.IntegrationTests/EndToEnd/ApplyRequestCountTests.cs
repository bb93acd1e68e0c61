using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.Engine.Sync;
using Xunit.Abstractions;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #10 item 4: apply at the request floor. During an apply the destination sees one write per change and GETs
/// only for what a create's answer lacks: the channels of a new project (its default channel). A process or variable
/// set Octopus created with its owner is written at its initial Version 0; updating an existing document carries the
/// Version the plan read. Neither reads anything.
/// </summary>
public class ApplyRequestCountTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_first_sync_reads_only_the_companions_of_what_it_created_and_a_re_sync_reads_nothing_while_applying()
    {
        await using var instances = await TwoInstances.StartAsync();
        var configuration = instances.Services.LoadConfiguration(instances.ConfigPath);
        var runner = new SyncRunner(instances.Services.Sync);

        var first = await CountAsync(instances, runner, configuration);
        // One channels list for the new project: its default channel is in no POST's answer.
        Assert.Equal(1, first.ApplyGets);
        Assert.Equal(first.Changes, first.ApplyWrites);

        var project = await instances.SourceClient.NamedAsync("projects", OctoFxExample.Project);
        project!["Description"] = "a source change";
        await instances.SourceClient.UpdateAsync($"projects/{project.Id()}", project);
        var variables = await instances.SourceClient.GetAsync($"variables/{project.Str("VariableSetId")}");
        var value = variables.Arr("Variables").Objects().First(v => v.Name() == "ConnectionString");
        value["Value"] = "Database=#{Application.Database.Name};Encrypt=true";
        await instances.SourceClient.UpdateAsync($"variables/{variables.Id()}", variables);

        var resync = await CountAsync(instances, runner, configuration);
        Assert.Equal(0, resync.ApplyGets);
        Assert.Equal(2, resync.ApplyWrites);

        output.WriteLine($"first sync: read {first.ReadRequests} requests, apply {first.ApplyWrites} writes + {first.ApplyGets} GETs");
        output.WriteLine($"re-sync after a project and a variable change: read {resync.ReadRequests} requests, apply {resync.ApplyWrites} writes + {resync.ApplyGets} GETs");
    }

    private static async Task<(int ReadRequests, int ApplyWrites, int ApplyGets, int Changes)> CountAsync(
        TwoInstances instances, SyncRunner runner, Engine.Configuration.SyncConfiguration configuration)
    {
        instances.Destination.ClearRequestLog();
        var planned = Assert.Single(await runner.PlanAsync(configuration));
        var read = instances.Destination.RequestLog.Count;
        instances.Destination.ClearRequestLog();
        var result = await runner.ApplyAsync(configuration, planned);
        Assert.True(result.Succeeded);
        var log = instances.Destination.RequestLog;
        return (read, log.Count(e => e.Method != "GET"), log.Count(e => e.Method == "GET"), planned.Plan.Changes.Count(c => c.Writes));
    }
}
