using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Projects;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>
/// Deployment settings are their own change (issue #8 item 4): decided from the project document's mirrored values,
/// written through <c>/deploymentsettings</c> when the destination project advertises the link, through the project
/// document otherwise; the project's own change never carries them.
/// </summary>
public class DeploymentSettingsTests
{
    private static (PlanningInput Input, SpaceSnapshot Destination) Synced(bool advertisesRoute)
    {
        var input = PlanningFixture.Input(PlanningFixture.DevTest().Project("OctoFx"), PlanningFixture.ProductionOnly());
        var (destination, state) = FakeApplier.Apply(SyncPlanner.Plan(input), input.Destination);
        var project = destination.Projects.Single(p => p.Name() == "OctoFx");
        if (advertisesRoute)
        {
            project["Links"] = new JsonObject { ["DeploymentSettings"] = $"/api/Spaces-2/projects/{project.Id()}/deploymentsettings" };
        }

        return (input with { Destination = destination, State = state }, destination);
    }

    private static PlanningInput WithSourceNotes(PlanningInput input, string notes) => input with
    {
        Source = PlanningFixture.DevTest().Project("OctoFx").Customize(ResourceKind.Project, "OctoFx", d => d["ReleaseNotesTemplate"] = notes).Build(),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_source_change_to_a_setting_is_a_deployment_settings_change_and_not_a_project_write(bool advertisesRoute)
    {
        var (input, destination) = Synced(advertisesRoute);

        var plan = SyncPlanner.Plan(WithSourceNotes(input, "Built from #{Octopus.Release.Number}"));

        Assert.False(plan.Single(ResourceKind.Project, "OctoFx").Writes);
        var settings = plan.Single(ResourceKind.DeploymentSettings, "OctoFx");
        Assert.Equal(ChangeAction.Update, settings.Action);
        Assert.Equal(destination.Projects.Single(p => p.Name() == "OctoFx").Id(), settings.DestinationId);
        Assert.Equal("Built from #{Octopus.Release.Number}", settings.After!.Str("ReleaseNotesTemplate"));
        var detail = settings.Details[0];
        Assert.Equal(DeploymentSettingsPlanner.Detail, detail.Item);
        Assert.Equal(advertisesRoute ? DeploymentSettingsPlanner.RouteRule : DeploymentSettingsPlanner.ProjectDocumentRule, detail.Rule);
        Assert.Equal(advertisesRoute, settings.After!.Obj("Links")?.Str("DeploymentSettings") is not null);
    }

    [Fact]
    public void A_project_change_leaves_the_settings_as_the_destination_has_them()
    {
        var (input, destination) = Synced(advertisesRoute: true);
        var before = destination.Projects.Single(p => p.Name() == "OctoFx").Str("ReleaseNotesTemplate");
        var source = PlanningFixture.DevTest().Project("OctoFx").Customize(ResourceKind.Project, "OctoFx", d =>
        {
            d["Description"] = "changed";
            d["ReleaseNotesTemplate"] = "new notes";
        });

        var plan = SyncPlanner.Plan(input with { Source = source.Build() });

        var project = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(ChangeAction.Update, project.Action);
        Assert.Equal(before, project.After!.Str("ReleaseNotesTemplate"));
        var changes = plan.Changes.ToList();
        var settings = plan.Single(ResourceKind.DeploymentSettings, "OctoFx");
        Assert.True(changes.IndexOf(settings) > changes.IndexOf(project), "the settings are written after the project's PUT");
        Assert.Equal("new notes", settings.After!.Str("ReleaseNotesTemplate"));
    }

    [Fact]
    public void A_new_project_carries_its_settings_in_the_post_and_records_them_under_their_own_entry()
    {
        var source = PlanningFixture.DevTest().Project("OctoFx").Customize(ResourceKind.Project, "OctoFx", d => d["ReleaseNotesTemplate"] = "notes");

        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly());

        var create = plan.Single(ResourceKind.Project, "OctoFx");
        Assert.Equal(ChangeAction.Create, create.Action);
        Assert.Equal("notes", create.After!.Str("ReleaseNotesTemplate"));
        Assert.Null(plan.Find(ResourceKind.DeploymentSettings, "OctoFx"));
        Assert.Contains(create.StateUpdates, u => u is Engine.State.StateUpdate.SetObject { Key: "DeploymentSettings:OctoFx" });
    }

    [Fact]
    public void An_unchanged_re_sync_has_no_settings_write_and_a_person_s_edit_is_drift()
    {
        var (input, destination) = Synced(advertisesRoute: true);
        Assert.DoesNotContain(SyncPlanner.Plan(input).Changes, c => c.Writes);

        destination.Projects.Single(p => p.Name() == "OctoFx")["ReleaseNotesTemplate"] = "a person's notes";
        var plan = SyncPlanner.Plan(input);

        var settings = plan.Single(ResourceKind.DeploymentSettings, "OctoFx");
        Assert.Equal(ChangeAction.Leave, settings.Action);
        Assert.Contains(settings.Details, d => d.IsDrift);
        Assert.False(plan.Single(ResourceKind.Project, "OctoFx").Writes);
    }

    [Fact]
    public void A_state_from_before_the_settings_had_their_own_entry_still_lets_a_source_change_through()
    {
        var (input, _) = Synced(advertisesRoute: true);
        var older = input with { State = input.State!.With([new Engine.State.StateUpdate.RemoveObject("DeploymentSettings:OctoFx")]) };
        Assert.False(older.State!.Objects.ContainsKey("DeploymentSettings:OctoFx"));

        var plan = SyncPlanner.Plan(WithSourceNotes(older, "new notes"));

        Assert.Equal(ChangeAction.Update, plan.Single(ResourceKind.DeploymentSettings, "OctoFx").Action);
    }
}
