using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.Engine.Sync;
using Xunit.Abstractions;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #10 item 4: apply at the request floor. During an apply the destination sees one write per change and GETs
/// only for what a create's answer lacks and a later change needs: the channels of a new project (its default channel),
/// read only when a change names one. A process or variable
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
        // No GET: the new project's default channel is in no POST's answer, but nothing in this plan names it, so its
        // channels are not read (issue #10; ChangeWriter reads them when a change needs one, PlanApplierTests).
        Assert.Equal(0, first.ApplyGets);
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

    [Fact]
    public async Task A_first_sync_that_updates_a_new_projects_default_channel_reads_its_channels_once_and_converges()
    {
        await using var instances = await TwoInstances.StartAsync();
        var sourceProject = await instances.SourceClient.NamedAsync("projects", OctoFxExample.Project);
        var sourceDefault = (await instances.SourceClient.GetAllAsync("channels")).Single(c => c.Str("ProjectId") == sourceProject!.Id() && c.Bool("IsDefault"));
        sourceDefault["Description"] = "the source's default channel";
        await instances.SourceClient.UpdateAsync($"channels/{sourceDefault.Id()}", sourceDefault);
        var configuration = instances.Services.LoadConfiguration(instances.ConfigPath);
        var runner = new SyncRunner(instances.Services.Sync);

        var first = await CountAsync(instances, runner, configuration);

        // The default channel's update needs its id, which no POST answered: one list of the new project's channels.
        Assert.Equal(1, first.ApplyGets);
        Assert.Equal(first.Changes, first.ApplyWrites);
        var project = await instances.DestinationClient.NamedAsync("projects", OctoFxExample.Project);
        var channels = (await instances.DestinationClient.GetAllAsync("channels")).Where(c => c.Str("ProjectId") == project!.Id()).ToList();
        var updated = Assert.Single(channels, c => c.Bool("IsDefault"));
        Assert.Equal("the source's default channel", updated.Str("Description"));
        Assert.Equal(channels.Count, channels.Select(c => c.Name()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        await instances.AssertConvergedAsync();
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
