using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// A project whose release creation and versioning name its own channel and package step converges on the first
/// sync, although the project, the channel and the step are all created by that sync.
/// </summary>
public class ProjectReferenceConvergenceTests
{
    private const string Channel = "Hotfix";
    private const string Action = "Deploy OctoFx web";

    [Fact]
    public async Task The_first_apply_sets_the_references_and_a_second_apply_sends_no_write()
    {
        await using var instances = await TwoInstances.StartAsync();
        await PointAtOwnChannelAndStepAsync(instances.SourceClient);
        instances.Source.ClearRequestLog();

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);

        var (project, channelId, actionId) = await ReferencesAsync(instances.DestinationClient);
        Assert.Equal(channelId, project.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));
        Assert.Equal(actionId, project.Obj("ReleaseCreationStrategy")!.Str("ReleaseCreationPackageStepId"));
        Assert.Equal(actionId, project.Obj("VersioningStrategy")!.Str("DonorPackageStepId"));
        Assert.Equal(Action, project.Obj("VersioningStrategy")!.Obj("DonorPackage")!.Str("DeploymentAction"));
        instances.Destination.ClearRequestLog();

        (exit, output) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(exit == 0, output);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to delete", output, StringComparison.Ordinal);

        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Empty(instances.DestinationWrites());
    }

    /// <summary>On the source: a Hotfix channel, and OctoFx's release creation and versioning pointing at it and at its web package step.</summary>
    private static async Task PointAtOwnChannelAndStepAsync(IOctopusSpaceClient source)
    {
        var project = (await source.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        var channel = await source.CreateAsync("channels", new JsonObject { ["Name"] = Channel, ["ProjectId"] = project.Id() });
        var process = await source.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        var actionId = ActionsOf(process).Single(a => a.Name() == Action).Id();
        var package = new JsonObject { ["DeploymentAction"] = Action, ["PackageReference"] = "" };
        project["ReleaseCreationStrategy"] = new JsonObject
        {
            ["ChannelId"] = channel.Id(),
            ["ReleaseCreationPackage"] = package.DeepClone(),
            ["ReleaseCreationPackageStepId"] = actionId,
        };
        project["VersioningStrategy"] = new JsonObject { ["Template"] = null, ["DonorPackage"] = package, ["DonorPackageStepId"] = actionId };
        await source.UpdateAsync($"projects/{project.Id()}", project);
    }

    private static async Task<(JsonObject Project, string ChannelId, string ActionId)> ReferencesAsync(IOctopusSpaceClient destination)
    {
        var project = (await destination.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        var channels = new List<JsonObject>();
        await foreach (var c in destination.ListAsync($"projects/{project.Id()}/channels"))
        {
            channels.Add(c);
        }

        var channel = channels.Single(c => c.Name() == Channel);
        var process = await destination.GetAsync($"deploymentprocesses/{project.Str("DeploymentProcessId")}");
        return (project, channel.Id(), ActionsOf(process).Single(a => a.Name() == Action).Id());
    }

    private static IEnumerable<JsonObject> ActionsOf(JsonObject process) =>
        process.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects());
}
