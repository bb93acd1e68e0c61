using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>
/// <see cref="ProjectChildren"/> replaced a scan of the whole collection per project (issue #10): it must return exactly
/// what the scan returned — the same documents, in collection order, compared by the planner's own rule.
/// </summary>
public class ProjectChildrenTests
{
    private static JsonObject Doc(string id, string? projectId) => new() { ["Id"] = id, ["ProjectId"] = projectId };

    private static readonly JsonObject[] Collection =
    [
        Doc("Channels-1", "Projects-1"),
        Doc("Channels-2", "Projects-2"),
        Doc("Channels-3", "projects-1"),
        Doc("Channels-4", null),
        Doc("Channels-5", "Projects-1"),
        new() { ["Id"] = "Channels-6" },
    ];

    [Theory]
    [InlineData("Projects-1")]
    [InlineData("projects-1")]
    [InlineData("Projects-2")]
    [InlineData("Projects-9")]
    public void Exact_ids_give_what_the_exact_scan_gave(string projectId)
    {
        var index = new ProjectChildren(Collection, StringComparer.Ordinal);

        Assert.Equal(Collection.Where(c => c.Str("ProjectId") == projectId), index.Of(projectId));
    }

    [Theory]
    [InlineData("Projects-1")]
    [InlineData("PROJECTS-1")]
    [InlineData("Projects-2")]
    [InlineData("Projects-9")]
    public void Ids_ignoring_case_give_what_the_case_insensitive_scan_gave(string projectId)
    {
        var index = new ProjectChildren(Collection, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(Collection.Where(c => string.Equals(c.Str("ProjectId"), projectId, StringComparison.OrdinalIgnoreCase)), index.Of(projectId));
    }

    [Fact]
    public void A_null_project_id_has_no_children()
    {
        var index = new ProjectChildren(Collection, StringComparer.Ordinal);

        Assert.Empty(index.Of(null));
    }

    [Fact]
    public void The_session_indexes_each_side_once()
    {
        var snapshot = new SpaceSnapshot { SpaceId = "Spaces-1", SpaceName = "Default", Channels = Collection, Runbooks = Collection };
        var session = new PlanningSession(new PlanningInput { DestinationName = "d", Source = snapshot, Destination = snapshot });

        Assert.Same(session.SourceChannels, session.SourceChannels);
        Assert.Same(session.DestinationRunbooks, session.DestinationRunbooks);
        Assert.Equal(["Channels-1", "Channels-5"], session.SourceChannels.Of("Projects-1").Select(c => c.Id()));
        Assert.Equal(["Channels-1", "Channels-3", "Channels-5"], session.SourceRunbooks.Of("PROJECTS-1").Select(c => c.Id()));
    }
}
