using OctoSync.Engine.Planning;
using OctoSync.Engine.Reporting;

namespace OctoSync.Engine.Tests.Reporting;

/// <summary>The process steps of a project with their scoping by name on both sides and the plan's decision.</summary>
public class StepTableTests
{
    [Fact]
    public void Steps_show_their_scoping_by_name_on_the_source_and_the_destination_and_the_decision_with_its_rule()
    {
        var project = Assert.Single(ProjectViews.Of(ReportFixture.Planned(ReportFixture.Source(), ReportFixture.Destination())));
        var process = Assert.Single(project.Processes);

        Assert.Equal("Deployment process", process.Title);
        Assert.Equal(["Deploy web", "Approve release", "Spin up temp DB"], process.Steps.Select(s => s.Name));

        var approve = process.Steps[1];
        Assert.Equal(("Octopus.Manual", "Environments: Test", "Environments: Staging", ChangeAction.Create),
            (approve.ActionType, approve.SourceScope, approve.DestinationScope, approve.Decision));

        var tempDb = process.Steps[2];
        Assert.Equal(("Channels: Dev only", "—", ChangeAction.Skip), (tempDb.SourceScope, tempDb.DestinationScope, tempDb.Decision));
        Assert.StartsWith("rules.steps.", tempDb.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recurring_sync_shows_unchanged_steps_as_they_are_on_the_destination()
    {
        var process = Assert.Single(Assert.Single(ProjectViews.Of(ReportFixture.Recurring())).Processes);

        Assert.Equal([ChangeAction.None, ChangeAction.None, ChangeAction.Skip], process.Steps.Select(s => s.Decision));
        Assert.Equal("Environments: Staging", process.Steps[1].DestinationScope);
    }
}
