using OctoSync.Engine.Reporting;
using OctoSync.Engine.Tests.Planning;

namespace OctoSync.Engine.Tests.Reporting;

/// <summary>The three variable tables of the seed, as the report builds them for the OctoFx project.</summary>
public class VariableTableTests
{
    private const string ConnectionString = "Database=#{Application.Database.Name}";

    [Fact]
    public void The_source_table_is_the_seeds_with_the_name_only_on_the_first_value()
    {
        var project = Assert.Single(ProjectViews.Of(ReportFixture.Planned(ReportFixture.Source(), ReportFixture.Destination())));

        Assert.Equal("OctoFx", project.Name);
        Assert.Equal(
            [
                ("Application.Database.Name", "OctoFx-Dev", "Development"),
                ("", "OctoFX-Test", "Test"),
                ("ConnectionString", ConnectionString, ""),
                ("Db.Password", "***", ""),
            ],
            Rows(project.Source));
    }

    [Fact]
    public void On_the_first_sync_the_destination_is_empty_before_and_every_row_after_is_new()
    {
        var project = Assert.Single(ProjectViews.Of(ReportFixture.Planned(ReportFixture.Source(), ReportFixture.Destination())));

        Assert.Empty(project.DestinationBefore);
        Assert.Equal(
            [("Application.Database.Name", "OctoFX-Test", "Staging"), ("ConnectionString", ConnectionString, ""), ("Db.Password", "***", "")],
            Rows(project.DestinationAfter));
        Assert.All(project.DestinationAfter, r => Assert.True(r.Changed));
    }

    [Fact]
    public void The_recurring_sync_shows_the_seeds_changed_source_and_the_destination_before_and_after()
    {
        var project = Assert.Single(ProjectViews.Of(ReportFixture.Recurring()));

        Assert.Equal(
            [
                ("Application.Database.Name", "OctoFx-#{Octopus.Environment.Name}", ""),
                ("ConnectionString", ConnectionString, "SQL-Server (role)"),
                ("", "Data Source=#{Application.Database.Name}", "Oracle (role)"),
                ("Db.Password", "***", ""),
            ],
            Rows(project.Source));
        Assert.Equal(
            [("Application.Database.Name", "OctoFX-Test", "Staging"), ("ConnectionString", ConnectionString, ""), ("Db.Password", "***", "")],
            Rows(project.DestinationBefore));
        Assert.Contains(("ConnectionString", ConnectionString, "SQL-Server (role)"), Values(project.DestinationAfter));
        Assert.Contains(("ConnectionString", "Data Source=#{Application.Database.Name}", "Oracle (role)"), Values(project.DestinationAfter));

        // Highlighting: the unscoped connection string is gone (changed before), the password is the same on both sides.
        Assert.True(project.DestinationBefore.Single(r => r.Name == "ConnectionString").Changed);
        Assert.False(project.DestinationBefore.Single(r => r.Name == "Db.Password").Changed);
        Assert.False(project.DestinationAfter.Single(r => r.Name == "Db.Password").Changed);
        Assert.True(project.DestinationAfter.Single(r => r.Scope == "Oracle (role)").Changed);
    }

    [Fact]
    public void Scopes_and_reference_values_show_by_name_with_their_kind()
    {
        var source = PlanningFixture.DevTest().Account("Azure Prod")
            .Project("OctoFx", p => p
                .Channel("Beta")
                .Step("Deploy web")
                .Variable("Azure", "Azure Prod", type: "AzureAccount")
                .Variable("Url", "u", s => s.Environment("Test", "Production").Channel("Beta").Action("Deploy web").TenantTag("Region/EU")));

        var project = Assert.Single(ProjectViews.Of(ReportFixture.Planned(source, ReportFixture.Destination())));

        Assert.Equal(
            [("Azure", "Azure Prod", ""), ("Url", "u", "Test, Production, Beta (channel), Deploy web (step), Region/EU (tenant tag)")],
            Rows(project.Source));
    }

    private static List<(string, string, string)> Rows(IReadOnlyList<VariableRow> rows) => rows.Select(r => (r.ShownName, r.Value, r.Scope)).ToList();

    private static List<(string, string, string)> Values(IReadOnlyList<VariableRow> rows) => rows.Select(r => (r.Name, r.Value, r.Scope)).ToList();
}
