using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Projects;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>
/// Project settings that name the project's own channels and steps (release creation channel and package step,
/// versioning donor package step) converge on the first sync, also when the channel or step is created by that sync.
/// </summary>
public class ProjectReferenceTests
{
    /// <summary>OctoFx, whose release creation and versioning point at its Hotfix channel and its "Deploy web" action.</summary>
    private static SnapshotBuilder Source()
    {
        var source = PlanningFixture.DevTest()
            .Project("OctoFx", p => p
                .Channel("Hotfix")
                .Step("Deploy web", s => s.Package("OctoFx.Web")));
        return source.Customize(ResourceKind.Project, "OctoFx", d =>
        {
            var channel = source.IdOf(ResourceKind.Channel, "OctoFx/Hotfix");
            var action = source.IdOf(ResourceKind.Action, "OctoFx/Deploy web");
            d["ReleaseCreationStrategy"]!["ChannelId"] = channel;
            d["ReleaseCreationStrategy"]!["ReleaseCreationPackageStepId"] = action;
            d["VersioningStrategy"]!["DonorPackageStepId"] = action;
        });
    }

    public static TheoryData<string> Destinations => ["new project", "existing project"];

    /// <summary>
    /// The input of the sync under test: to an empty destination, or to one where an earlier sync created OctoFx
    /// without the Hotfix channel, the step and the references (so both come with this sync).
    /// </summary>
    private static PlanningInput Input(string which)
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly());
        if (which == "new project")
        {
            return input;
        }

        var earlier = PlanningFixture.Input(PlanningFixture.DevTest().Project("OctoFx"), PlanningFixture.ProductionOnly());
        var (destination, state) = FakeApplier.Apply(SyncPlanner.Plan(earlier), earlier.Destination);
        return input with { Destination = destination, State = state };
    }

    [Theory]
    [MemberData(nameof(Destinations))]
    public void The_project_is_written_with_tokens_after_its_channels_and_process(string which)
    {
        var plan = SyncPlanner.Plan(Input(which));

        var kinds = plan.Changes.Select(c => c.Kind).ToList();
        var last = plan.Changes.Last(c => c.Kind == ResourceKind.Project);
        Assert.Equal(ChangeAction.Update, last.Action);
        Assert.True(plan.Changes.ToList().IndexOf(last) > kinds.LastIndexOf(ResourceKind.Channel));
        Assert.True(plan.Changes.ToList().IndexOf(last) > kinds.IndexOf(ResourceKind.DeploymentProcess));
        Assert.Equal(ReferenceToken.For(ResourceKind.Channel, "OctoFx/Hotfix"), last.After!.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Deploy web"), last.After!.Obj("ReleaseCreationStrategy")!.Str("ReleaseCreationPackageStepId"));
        // The versioning strategy is a deployment setting: its own change, after the process whose step it names.
        var settings = plan.Changes.Last(c => c.Kind == ResourceKind.DeploymentSettings);
        Assert.Equal(ChangeAction.Update, settings.Action);
        Assert.True(plan.Changes.ToList().IndexOf(settings) > kinds.IndexOf(ResourceKind.DeploymentProcess));
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Deploy web"), settings.After!.Obj("VersioningStrategy")!.Str("DonorPackageStepId"));
    }

    [Fact]
    public void A_new_project_is_created_first_and_updated_once_its_channels_and_steps_exist()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly());

        var projectChanges = plan.Changes.Where(c => c.Kind == ResourceKind.Project).ToList();
        Assert.Equal([ChangeAction.Create, ChangeAction.Update], projectChanges.Select(c => c.Action));
        Assert.Null(projectChanges[0].After!.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));
        Assert.Equal(ProjectLateReferences.Rule, projectChanges[1].Rule);
        Assert.Equal(ReferenceToken.For(ResourceKind.Project, "OctoFx"), projectChanges[1].DestinationId);
        Assert.Equal(ReferenceToken.For(ResourceKind.DeploymentProcess, "OctoFx"), projectChanges[1].After!.Str("DeploymentProcessId"));
    }

    [Fact]
    public void An_existing_project_gets_one_change_decided_with_every_reference_known()
    {
        var plan = SyncPlanner.Plan(Input("existing project"));

        var change = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.Channel, "OctoFx/Hotfix"), change.After!.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));
    }

    [Theory]
    [MemberData(nameof(Destinations))]
    public void The_second_plan_after_the_first_sync_writes_nothing(string which)
    {
        var input = Input(which);
        var (destination, state) = FakeApplier.Apply(SyncPlanner.Plan(input), input.Destination, input.State);

        var project = Assert.Single(destination.Projects, p => p.Name() == "OctoFx");
        var hotfix = Assert.Single(destination.Channels, c => c.Name() == "Hotfix").Id();
        var action = destination.DeploymentProcesses[project.Str("DeploymentProcessId")!].Arr("Steps").Objects()
            .SelectMany(s => s.Arr("Actions").Objects()).Single(a => a.Name() == "Deploy web").Id();
        Assert.Equal(hotfix, project.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));
        Assert.Equal(action, project.Obj("ReleaseCreationStrategy")!.Str("ReleaseCreationPackageStepId"));
        Assert.Equal(action, project.Obj("VersioningStrategy")!.Str("DonorPackageStepId"));

        var second = SyncPlanner.Plan(input with { Destination = destination, State = state });
        Assert.False(second.HasWrites, string.Join("\n", second.Changes.Where(c => c.Writes).Select(c => $"{c.Action} {c.Kind} {c.Key}: {c.Reason}")));
        Assert.DoesNotContain(second.Changes, c => c.Action == ChangeAction.Leave);
    }

    [Fact]
    public void References_that_already_resolve_need_no_second_write()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly());
        var (destination, state) = FakeApplier.Apply(SyncPlanner.Plan(input), input.Destination);
        var changed = input with { Source = Source().Customize(ResourceKind.Project, "OctoFx", d => d["Description"] = "Now described").Build() };

        var plan = SyncPlanner.Plan(changed with { Destination = destination, State = state });

        var change = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(hotfixOf(destination), change.After!.Obj("ReleaseCreationStrategy")!.Str("ChannelId"));

        static string hotfixOf(SpaceSnapshot d) => d.Channels.Single(c => c.Name() == "Hotfix").Id();
    }

    [Fact]
    public void A_step_id_the_source_does_not_know_as_an_action_is_not_copied()
    {
        var source = Source().Customize(ResourceKind.Project, "OctoFx", d => d["VersioningStrategy"]!["DonorPackageStepId"] = "a-step-id-of-the-source");

        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly());

        Assert.All(plan.Changes.Where(c => c.Kind == ResourceKind.Project), c => Assert.Null(c.After!.Obj("VersioningStrategy")!.Str("DonorPackageStepId")));
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Deploy web"),
            plan.Changes.Last(c => c.Kind == ResourceKind.Project).After!.Obj("ReleaseCreationStrategy")!.Str("ReleaseCreationPackageStepId"));
    }
}
