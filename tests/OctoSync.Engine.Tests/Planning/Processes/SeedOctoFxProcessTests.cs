using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Processes;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>
/// The seed's OctoFx deployment process synced from Dev/Test to Staging/Production with the spec §3 example
/// override, on realistic documents (shared SnapshotBuilder); then synced again after apply: nothing to do.
/// </summary>
public class SeedOctoFxProcessTests
{
    private static readonly SyncRules Rules = new()
    {
        Steps = new StepRules
        {
            Overrides = new Dictionary<string, StepOverride>(StringComparer.OrdinalIgnoreCase)
            {
                ["Approve release"] = new() { ExcludedEnvironments = ExcludedEnvironmentsMode.Rescope, RescopeTo = ["Staging"] },
            },
        },
    };

    private static SpaceSnapshot Source() => new SnapshotBuilder("Spaces-1")
        .Environment("Development").Environment("Test")
        .Feed("NuGet").WorkerPool("Hosted Ubuntu").Account("Azure Prod")
        .StepTemplate("Slack - Notify", version: 3)
        .Lifecycle("Dev only", ("Development", ["Development"]))
        .Project("OctoFx", p => p
            .Channel("Dev only", "Dev only")
            .Step("Create temporary database", s => s.Channels("Dev only"))
            .Step("Deploy web", s => s.Package("OctoFx.Web", "NuGet").WorkerPool("Hosted Ubuntu")
                .PropertyId("Octopus.Action.Azure.AccountId", ResourceKind.Account, "Azure Prod").SensitiveProperty("Api.Key"))
            .Step("Approve release", s => s.Type("Octopus.Manual").Environments("Test"))
            .Step("Notify", s => s.Template("Slack - Notify", 3)))
        .Build();

    private static SnapshotBuilder DestinationBuilder() => new SnapshotBuilder("Spaces-2")
        .Environment("Staging").Environment("Production")
        .Feed("NuGet").WorkerPool("Hosted Ubuntu").Account("Azure Prod")
        .StepTemplate("Slack - Notify", version: 7)
        .Project("OctoFx");

    private static ProcessPlan Plan(SpaceSnapshot source, SpaceSnapshot destination, SyncState? state)
    {
        var translator = new Translator(new NameIndex(source), new NameIndex(destination));
        var processId = destination.Projects.Single().Str("DeploymentProcessId")!;
        return ProcessPlanner.Plan(new ProcessPlanningContext
        {
            ProjectName = "OctoFx",
            Source = source.DeploymentProcesses[source.Projects.Single().Str("DeploymentProcessId")!],
            Destination = destination.DeploymentProcesses[processId],
            DestinationId = processId,
            Translator = translator,
            Rules = Rules,
            State = state,
        });
    }

    [Fact]
    public void First_sync_then_nothing_to_do()
    {
        var builder = DestinationBuilder();
        var destination = builder.Build();
        var source = Source();

        var first = Plan(source, destination, null);

        Assert.Equal(ChangeAction.Update, first.Change.Action);
        Assert.Equal(["Deploy web", "Approve release", "Notify"], first.Names());
        Assert.Equal("rules.steps.missingChannels: skip", first.Detail("Create temporary database").Rule);
        var approve = first.Detail("Approve release");
        Assert.Equal((ChangeAction.Create, "rules.steps.overrides[\"Approve release\"].excludedEnvironments: rescope"), (approve.Action, approve.Rule));
        Assert.Equal([builder.IdOf(ResourceKind.Environment, "Staging")], first.Action("Approve release").Strings("Environments"));
        var web = first.Action("Deploy web");
        Assert.Equal(builder.IdOf(ResourceKind.WorkerPool, "Hosted Ubuntu"), web.Str("WorkerPoolId"));
        Assert.Equal(builder.IdOf(ResourceKind.Feed, "NuGet"), web.Arr("Packages").Objects().Single().Str("FeedId"));
        Assert.Equal(builder.IdOf(ResourceKind.Feed, "NuGet"), web.Obj("Properties")!.Str("Octopus.Action.Package.FeedId"));
        Assert.Equal(builder.IdOf(ResourceKind.Account, "Azure Prod"), web.Obj("Properties")!.Str("Octopus.Action.Azure.AccountId"));
        Assert.Equal("7", first.Action("Notify").Obj("Properties")!.Str("Octopus.Action.Template.Version"));
        Assert.Single(first.Cleanup);
        Assert.Empty(first.Diagnostics);

        // Apply: the server assigns ids and hides the secret; OctoSync records the state.
        var written = first.Change.After!.Clone();
        var n = 0;
        foreach (var step in written.Arr("Steps").Objects())
        {
            step["Id"] = $"step-{++n}";
            foreach (var action in step.Arr("Actions").Objects())
            {
                action["Id"] = $"action-{n}";
                if (action.Obj("Properties")!.Obj("Api.Key") is not null)
                {
                    action.Obj("Properties")!["Api.Key"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null };
                }
            }
        }

        var applied = destination with
        {
            DeploymentProcesses = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase) { [written.Str("Id")!] = written },
        };
        var second = Plan(source, applied, SyncState.Empty("prod").With(first.Change.StateUpdates));

        Assert.Equal(ChangeAction.None, second.Change.Action);
        Assert.All(second.Change.Details.Where(d => d.Action != ChangeAction.Skip), d => Assert.Equal(ChangeAction.None, d.Action));
        Assert.Empty(second.Cleanup);
    }
}
