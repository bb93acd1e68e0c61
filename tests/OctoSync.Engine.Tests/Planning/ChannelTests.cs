using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §5.2: channels sync / skip and lifecycle availability.</summary>
public class ChannelTests
{
    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .Lifecycle("Dev only", ("Dev", ["Development"]))
        .Lifecycle("Hotfix", ("Production", ["Production"]))
        .TagSet("Region", "EU")
        .Project("OctoFx", p => p
            .Channel("Dev only", "Dev only")
            .Channel("Hotfix", "Hotfix")
            .Channel("Beta", null, false, "Region/EU"));

    [Theory]
    [InlineData("OctoFx/Beta", LifecyclesMode.Skip, ChangeAction.Create, "default")]
    [InlineData("OctoFx/Dev only", LifecyclesMode.Skip, ChangeAction.Skip, "rules.lifecycles: skip")]
    [InlineData("OctoFx/Hotfix", LifecyclesMode.Skip, ChangeAction.Skip, "rules.lifecycles: skip")]
    [InlineData("OctoFx/Hotfix", LifecyclesMode.Sync, ChangeAction.Create, "default")]
    [InlineData("OctoFx/Dev only", LifecyclesMode.Sync, ChangeAction.Skip, "rules.lifecycles: sync")]
    public void A_channel_is_synced_when_its_lifecycle_is_available(string channel, LifecyclesMode lifecycles, ChangeAction action, string rule)
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), new SyncRules { Lifecycles = lifecycles });

        var change = plan.Single(ResourceKind.Channel, channel);
        Assert.Equal(action, change.Action);
        Assert.Equal(rule, change.Rule);
    }

    [Fact]
    public void A_channel_whose_lifecycle_exists_by_name_on_the_destination_uses_it()
    {
        var destination = PlanningFixture.ProductionOnly().Lifecycle("Hotfix", ("Production", ["Production"]));
        var plan = PlanningFixture.Plan(Source(), destination);

        var hotfix = plan.Single(ResourceKind.Channel, "OctoFx/Hotfix");
        Assert.Equal(ChangeAction.Create, hotfix.Action);
        Assert.Equal(destination.IdOf(ResourceKind.Lifecycle, "Hotfix"), hotfix.After!.Str("LifecycleId"));
        Assert.Equal(ReferenceToken.For(ResourceKind.Project, "OctoFx"), hotfix.After!.Str("ProjectId"));
        Assert.Equal(["Region/EU"], plan.Single(ResourceKind.Channel, "OctoFx/Beta").After!.Strings("TenantTags"));
    }

    [Fact]
    public void A_skipped_channel_is_excluded_from_translation()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly());
        var session = new PlanningSession(input);
        Engine.Planning.Environments.EnvironmentMapper.Plan(session);
        Engine.Planning.Projects.ProjectPlanner.Plan(session);

        Assert.True(session.Translator.IsExcluded(ResourceKind.Channel, "OctoFx/Dev only"));
        Assert.Null(session.Translator.TranslateKey(ResourceKind.Channel, "OctoFx/Dev only"));
        Assert.NotNull(session.Translator.TranslateKey(ResourceKind.Channel, "OctoFx/Beta"));
    }

    [Fact]
    public void Skip_writes_no_channel_but_the_new_projects_default_channel_translates()
    {
        var input = PlanningFixture.Input(Source(), PlanningFixture.ProductionOnly(), new SyncRules { Channels = ChannelsMode.Skip });
        var session = new PlanningSession(input);
        Engine.Planning.Environments.EnvironmentMapper.Plan(session);
        Engine.Planning.Projects.ProjectPlanner.Plan(session);
        var plan = session.ToPlan();

        Assert.DoesNotContain(plan.Changes, c => c.Kind == ResourceKind.Channel && c.Writes);
        Assert.All(plan.Changes.Where(c => c.Kind == ResourceKind.Channel), c => Assert.Equal("rules.channels: skip", c.Rule));
        Assert.Equal(3, plan.Changes.Count(c => c.Kind == ResourceKind.Channel));
        Assert.Equal(ReferenceToken.For(ResourceKind.Channel, "OctoFx/Default"), session.Translator.TranslateKey(ResourceKind.Channel, "OctoFx/Default"));
    }

    [Fact]
    public void The_source_default_channel_is_the_destination_projects_default_channel_whatever_its_name()
    {
        var source = PlanningFixture.DevTest().Project("OctoFx", p => p.DefaultChannel("Main"));
        var destination = PlanningFixture.ProductionOnly().Project("OctoFx");
        var input = PlanningFixture.Input(source, destination);
        var session = new PlanningSession(input);
        Engine.Planning.Environments.EnvironmentMapper.Plan(session);
        Engine.Planning.Projects.ProjectPlanner.Plan(session);

        Assert.Equal(destination.IdOf(ResourceKind.Channel, "OctoFx/Default"), session.Translator.TranslateKey(ResourceKind.Channel, "OctoFx/Main"));
    }
}
