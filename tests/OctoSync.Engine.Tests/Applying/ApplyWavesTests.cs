using OctoSync.Engine.Applying.Internal;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using static OctoSync.Engine.Tests.Applying.Changes;

namespace OctoSync.Engine.Tests.Applying;

public class ApplyWavesTests
{
    [Fact]
    public void Space_level_changes_stand_alone_and_consecutive_projects_form_one_wave_grouped_by_project()
    {
        var changes = new[]
        {
            Create(ResourceKind.Lifecycle, "Default", """{"Name":"Default"}"""),
            Owned(Create(ResourceKind.Project, "A", """{"Name":"A"}"""), "A"),
            Owned(Update(ResourceKind.DeploymentProcess, "A", Token(ResourceKind.DeploymentProcess, "A"), "{}"), "A"),
            Owned(Create(ResourceKind.Project, "B", """{"Name":"B"}"""), "B"),
            Owned(Update(ResourceKind.VariableSet, "Project:A", Token(ResourceKind.VariableSet, "Project:A"), "{}"), "A"),
            Create(ResourceKind.Tenant, "T", $$$"""{"Name":"T","ProjectEnvironments":{"{{{Token(ResourceKind.Project, "A")}}}":[]}}"""),
        };

        var waves = ApplyWaves.Of(changes);

        Assert.Equal(
            "[0] | [1,2,4] [3] | [5]",
            string.Join(" | ", waves.Select(w => string.Join(" ", w.Select(g => $"[{string.Join(",", g)}]")))));
    }

    [Fact]
    public void A_change_that_needs_an_object_another_project_of_the_wave_creates_waits_for_it()
    {
        var changes = new[]
        {
            Owned(Create(ResourceKind.Project, "Shared", """{"Name":"Shared"}"""), "Shared"),
            Owned(Create(ResourceKind.Project, "App", """{"Name":"App"}"""), "App"),
            // A "Deploy a release" step of App that deploys Shared: written only once Shared exists.
            Owned(Update(ResourceKind.DeploymentProcess, "App", Token(ResourceKind.DeploymentProcess, "App"),
                $$$"""{"Steps":[{"Properties":{"Octopus.Action.DeployRelease.ProjectId":"{{{Token(ResourceKind.Project, "Shared")}}}"}}]}"""), "App"),
        };

        var waves = ApplyWaves.Of(changes);

        Assert.Equal(2, waves.Count);
        Assert.Equal([[0], [1]], waves[0]);
        Assert.Equal([[2]], waves[1]);
    }

    private static Change Owned(Change change, string owner) => change with { Owner = owner };
}
