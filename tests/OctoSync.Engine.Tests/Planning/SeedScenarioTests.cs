using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;
using Xunit.Abstractions;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>The seed's OctoFx example end to end through every planner, onto a Staging/Production instance.</summary>
public class SeedScenarioTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> TestToStaging = new(StringComparer.OrdinalIgnoreCase) { ["Test"] = "Staging" };

    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .Lifecycle("Dev only", ("Dev", ["Development"]))
        .TagSet("Tenant type", "Test", "Customer")
        .Account("Azure Prod", "Production").Account("Azure Dev", "Development")
        .LibraryVariableSet("Common", v => v.Variable("Application.Database.Server", "sql01"))
        .Project("OctoFx", p => p
            .IncludeLibrarySet("Common")
            .Channel("Dev only", "Dev only")
            .Step("Deploy web", s => s.Roles("web-server").Package("OctoFx.Web"))
            .Step("Approve release", s => s.Environments("Test").Type("Octopus.Manual"))
            .Step("Spin up temp DB", s => s.Channels("Dev only"))
            .Step("Deploy to Azure", s => s.PropertyId("Octopus.Action.Azure.AccountId", ResourceKind.Account, "Azure Prod"))
            .Runbook("Refresh data", r => r.Environments("Development").Step("Copy database"))
            .Variable("Application.Database.Name", "OctoFx-Dev", s => s.Environment("Development"))
            .Variable("Application.Database.Name", "OctoFX-Test", s => s.Environment("Test"))
            .Variable("ConnectionString", "Database=#{Application.Database.Name}"))
        .Tenant("Test tenant", t => t.Connect("OctoFx", "Development", "Test", "Production").Tags("Tenant type/Test"))
        .Tenant("Acme", t => t.Connect("OctoFx", "Development").Tags("Tenant type/Customer"));

    private static SnapshotBuilder Destination() => new SnapshotBuilder("Spaces-2").Environment("Staging").Environment("Production")
        .Account("Azure Prod", "Production");

    [Fact]
    public void The_first_sync_plans_the_seed_and_the_second_writes_nothing()
    {
        var input = PlanningFixture.Input(Source(), Destination(), environments: TestToStaging);
        var first = SyncPlanner.Plan(input);
        Dump("first", first);

        Assert.Equal(ChangeAction.Create, first.Single(ResourceKind.Project, "OctoFx").Action);
        Assert.Equal(ChangeAction.Skip, first.Single(ResourceKind.Channel, "OctoFx/Dev only").Action);
        Assert.Equal(ChangeAction.Create, first.Single(ResourceKind.Tenant, "Test tenant").Action);
        Assert.Equal(ChangeAction.Skip, first.Single(ResourceKind.Tenant, "Acme").Action);
        Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics.Where(d => d.Severity == Severity.Error)));

        var (destination, state) = FakeApplier.Apply(first, input.Destination);
        var second = SyncPlanner.Plan(input with { Destination = destination, State = state });
        Dump("second", second);

        Assert.False(second.HasWrites, string.Join("\n", second.Changes.Where(c => c.Writes).Select(c => $"{c.Action} {c.Kind} {c.Key}: {c.Reason}")));
    }

    private void Dump(string title, Plan plan)
    {
        output.WriteLine($"--- {title}");
        foreach (var c in plan.Changes)
        {
            output.WriteLine($"{c.Action,-7} {c.Kind,-18} {c.Key,-32} [{c.Rule}] {c.Reason}");
            foreach (var d in c.Details)
            {
                output.WriteLine($"          {d.Action,-7} {d.Item} [{d.Rule}] {d.Reason}");
            }
        }

        foreach (var d in plan.Diagnostics)
        {
            output.WriteLine($"{d.Severity}: {d.Summary}");
        }
    }
}
