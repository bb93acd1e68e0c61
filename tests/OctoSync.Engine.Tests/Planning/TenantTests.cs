using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning;

/// <summary>Spec §5.3, with the seed's test tenant (every environment) and a customer tenant (Dev/Test only).</summary>
public class TenantTests
{
    private static SnapshotBuilder Source() => PlanningFixture.DevTest()
        .TagSet("Kind", "Test", "Customer")
        .Project("OctoFx", p => p.Tenanted())
        .Project("Internal tools")
        .Tenant("Test tenant", t => t.Connect("OctoFx", "Development", "Test", "Staging", "Production").Tags("Kind/Test"))
        .Tenant("Acme", t => t.Connect("OctoFx", "Development", "Test").Tags("Kind/Customer"))
        .Tenant("Globex", t => t.Connect("Internal tools", "Production"));

    public static TheoryData<string, TenantSelection, string[]> Selections => new()
    {
        { "connected", TenantSelection.Connected, ["Test tenant", "Globex"] },
        { "all", TenantSelection.All, ["Test tenant", "Acme", "Globex"] },
        { "none", TenantSelection.None, [] },
        { "names", new TenantSelection(TenantSelectionMode.Names, new NameFilter(["Acme", "Glo*"], [])), ["Acme", "Globex"] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void Select_tenants_decides_which_tenants_are_written(string mode, TenantSelection tenants, string[] written)
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), select: new Selection { Tenants = tenants });

        var created = plan.Changes.Where(c => c.Kind == ResourceKind.Tenant && c.Action == ChangeAction.Create).Select(c => c.Key);
        Assert.True(written.Order().SequenceEqual(created.Order()), $"{mode}: {string.Join(", ", created)}");
    }

    [Fact]
    public void Connected_skips_the_customer_tenant_with_the_reason()
    {
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly());

        var acme = plan.Single(ResourceKind.Tenant, "Acme");
        Assert.Equal(ChangeAction.Skip, acme.Action);
        Assert.Equal("select.tenants: connected", acme.Rule);
        Assert.Contains(plan.Diagnostics, d => d.Subject == "Acme");
    }

    [Fact]
    public void Connections_are_translated_and_excluded_environments_dropped()
    {
        var destination = PlanningFixture.ProductionOnly();
        var plan = PlanningFixture.Plan(Source(), destination);

        var tenant = plan.Single(ResourceKind.Tenant, "Test tenant");
        Assert.Equal("select.tenants: connected", tenant.Rule);
        var connections = tenant.After!.Obj("ProjectEnvironments")!;
        var (project, environments) = Assert.Single(connections);
        Assert.Equal(ReferenceToken.For(ResourceKind.Project, "OctoFx"), project);
        Assert.Equal([destination.IdOf(ResourceKind.Environment, "Production")], environments!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["Kind/Test"], tenant.After!.Strings("TenantTags"));
        Assert.Equal(3, tenant.Details.Count(d => d.Rule == "excluded"));
    }

    [Fact]
    public void A_connection_to_a_project_that_is_not_synced_is_dropped()
    {
        var select = new Selection { Projects = new NameFilter(["OctoFx"], []) };
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), select: select);

        Assert.Equal(ChangeAction.Skip, plan.Single(ResourceKind.Tenant, "Globex").Action);
    }

    [Fact]
    public void Destination_only_connections_and_environments_are_kept()
    {
        var source = PlanningFixture.DevTest().Project("OctoFx").Tenant("Test tenant", t => t.Connect("OctoFx", "Test", "Production"));
        var destination = new SnapshotBuilder("Spaces-2").Environment("Production").Environment("DR")
            .Project("OctoFx").Project("Billing")
            .Tenant("Test tenant", t => t.Connect("OctoFx", "DR").Connect("Billing", "Production"));
        var plan = PlanningFixture.Plan(source, destination, new SyncRules { Variables = new VariableRules { Overwrite = OverwriteMode.Always } });

        var after = plan.Single(ResourceKind.Tenant, "Test tenant").After!.Obj("ProjectEnvironments")!;
        Assert.Equal(
            new[] { destination.IdOf(ResourceKind.Environment, "DR"), destination.IdOf(ResourceKind.Environment, "Production") }.Order(),
            after[destination.IdOf(ResourceKind.Project, "OctoFx")]!.AsArray().Select(e => e!.GetValue<string>()).Order());
        Assert.NotNull(after[destination.IdOf(ResourceKind.Project, "Billing")]);
    }

    [Fact]
    public void Tags_of_a_tag_set_that_does_not_reach_the_destination_are_dropped()
    {
        var select = new Selection { TagSets = NameFilter.None };
        var plan = PlanningFixture.Plan(Source(), PlanningFixture.ProductionOnly(), select: select);

        Assert.Empty(plan.Single(ResourceKind.Tenant, "Test tenant").After!.Strings("TenantTags"));
    }
}
