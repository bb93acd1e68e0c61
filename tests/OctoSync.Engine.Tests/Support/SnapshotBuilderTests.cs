using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Tests.Support;

public class SnapshotBuilderTests
{
    [Fact]
    public void Builds_the_OctoFx_example_with_ids_resolved_by_name()
    {
        var builder = new SnapshotBuilder("Spaces-1")
            .Environment("Development").Environment("Test")
            .Lifecycle("Dev only", ("Development", ["Development"]))
            .Project("OctoFx", p => p
                .Channel("Dev only", "Dev only")
                .Step("Deploy web", s => s.Environments("Test").Channels("Dev only"))
                .Runbook("Spin up DB", r => r.Environments("Development").Step("Create DB"))
                .Variable("Application.Database.Name", "OctoFx-Dev", s => s.Environment("Development").Action("Deploy web")))
            .Tenant("Acme", t => t.Connect("OctoFx", "Test").Tags("Region/EU"))
            .TagSet("Region", "EU");
        var snapshot = builder.Build();
        var index = new NameIndex(snapshot);

        Assert.Equal("Environments-2", index.IdOf(ResourceKind.Environment, "Test"));
        Assert.Equal(builder.IdOf(ResourceKind.Channel, "OctoFx/Dev only"), index.IdOf(ResourceKind.Channel, "OctoFx/Dev only"));
        Assert.Equal(builder.IdOf(ResourceKind.Action, "OctoFx/Deploy web"), index.IdOf(ResourceKind.Action, "OctoFx/Deploy web"));
        Assert.Equal(2, snapshot.Channels.Count);
        var variables = snapshot.VariableSets["variableset-Projects-1"];
        Assert.Equal("Environments-1", variables.Arr("Variables")[0]!["Scope"]!["Environment"]![0]!.GetValue<string>());
        Assert.Equal("Environments-2", snapshot.Tenants[0].Obj("ProjectEnvironments")!["Projects-1"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_second_space_gets_other_ids() =>
        Assert.Equal("Environments-101", new SnapshotBuilder("Spaces-2").Environment("Production").Build().Environments[0].Id());
}
