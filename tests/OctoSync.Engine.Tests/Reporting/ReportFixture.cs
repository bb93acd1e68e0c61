using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Tests.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Reporting;

/// <summary>The seed's OctoFx project, synced from Dev/Test to Staging/Production, for the HTML report's tests.</summary>
public static class ReportFixture
{
    public static readonly Dictionary<string, string> TestToStaging = new(StringComparer.OrdinalIgnoreCase) { ["Test"] = "Staging" };

    /// <summary>The seed's first source table, and a process with a step scoped to Test and one to a channel.</summary>
    public static SnapshotBuilder Source(string project = "OctoFx", string secret = "s3cr3t-password") => PlanningFixture.DevTest()
        .Lifecycle("Dev only", ("Dev", ["Development"]))
        .Project(project, p => p
            .Channel("Dev only", "Dev only")
            .Step("Deploy web", s => s.Roles("web-server"))
            .Step("Approve release", s => s.Environments("Test").Type("Octopus.Manual"))
            .Step("Spin up temp DB", s => s.Channels("Dev only"))
            .Variable("Application.Database.Name", "OctoFx-Dev", s => s.Environment("Development"))
            .Variable("Application.Database.Name", "OctoFX-Test", s => s.Environment("Test"))
            .Variable("ConnectionString", "Database=#{Application.Database.Name}")
            .Variable("Db.Password", secret, sensitive: true));

    /// <summary>The seed's changed source table: one unscoped database name, connection strings by role.</summary>
    public static SnapshotBuilder ChangedSource() => PlanningFixture.DevTest()
        .Lifecycle("Dev only", ("Dev", ["Development"]))
        .Project("OctoFx", p => p
            .Channel("Dev only", "Dev only")
            .Step("Deploy web", s => s.Roles("web-server"))
            .Step("Approve release", s => s.Environments("Test").Type("Octopus.Manual"))
            .Step("Spin up temp DB", s => s.Channels("Dev only"))
            .Variable("Application.Database.Name", "OctoFx-#{Octopus.Environment.Name}")
            .Variable("ConnectionString", "Database=#{Application.Database.Name}", s => s.Role("SQL-Server"))
            .Variable("ConnectionString", "Data Source=#{Application.Database.Name}", s => s.Role("Oracle"))
            .Variable("Db.Password", "s3cr3t-password", sensitive: true));

    public static SnapshotBuilder Destination() => new SnapshotBuilder("Spaces-2").Environment("Staging").Environment("Production");

    public static ReportDestination Planned(SnapshotBuilder source, SnapshotBuilder destination, SyncRules? rules = null)
    {
        var input = PlanningFixture.Input(source, destination, rules, TestToStaging);
        return new ReportDestination(SyncPlanner.Plan(input), input.Source, input.Destination);
    }

    /// <summary>The first sync applied in memory, then the changed source planned against it.</summary>
    public static ReportDestination Recurring()
    {
        var first = PlanningFixture.Input(Source(), Destination(), environments: TestToStaging);
        var (destination, state) = FakeApplier.Apply(SyncPlanner.Plan(first), first.Destination);
        var second = first with { Source = ChangedSource().Build(), Destination = destination, State = state };
        return new ReportDestination(SyncPlanner.Plan(second), second.Source, second.Destination);
    }

    public static string Html(params ReportDestination[] destinations) => HtmlReport.Render(new HtmlReportInput("plan", destinations));
}
