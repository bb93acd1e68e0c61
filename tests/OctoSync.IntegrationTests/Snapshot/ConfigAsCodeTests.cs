using System.Text.Json.Nodes;
using OctoSync.Emulator;
using OctoSync.Engine.Model;
using OctoSync.Engine.Snapshot;
using OctoSync.IntegrationTests.Api;

namespace OctoSync.IntegrationTests.Snapshot;

public class ConfigAsCodeTests
{
    [Theory]
    [InlineData("""{"DeploymentProcessId":"deploymentprocess-Projects-1"}""", true)]
    [InlineData("""{"DeploymentProcessId":"deploymentprocess-Projects-1","IsVersionControlled":false,"PersistenceSettings":{"Type":"Database"}}""", true)]
    [InlineData("""{"DeploymentProcessId":"deploymentprocess-Projects-1","IsVersionControlled":true}""", false)]
    [InlineData("""{"DeploymentProcessId":"deploymentprocess-Projects-1","PersistenceSettings":{"Type":"VersionControlled"}}""", false)]
    [InlineData("""{"Name":"no process id"}""", false)]
    public void Only_database_projects_have_their_process_read(string project, bool read)
    {
        var ids = SnapshotReader.DeploymentProcessIds([Json.Parse(project)]).ToList();

        Assert.Equal(read, ids.Count == 1);
    }

    [Fact]
    public async Task A_version_controlled_project_is_read_without_its_process()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = await Emulated.ConnectAsync(server);
        await SyntheticSpace.SeedAsync(client, new SyntheticSpaceShape(2));
        var cac = (await client.GetAllAsync("projects")).First(p => p.Name() == "Project 002");
        cac["IsVersionControlled"] = true;
        cac["PersistenceSettings"] = new JsonObject { ["Type"] = "VersionControlled", ["Url"] = "https://git.example/repo.git", ["DefaultBranch"] = "main" };
        await client.UpdateAsync($"projects/{cac.Id()}", cac);

        var snapshot = await SnapshotReader.ReadAsync(client);

        Assert.Equal(2, snapshot.Projects.Count);
        Assert.Single(snapshot.DeploymentProcesses);
        Assert.False(snapshot.DeploymentProcesses.ContainsKey(cac.Str("DeploymentProcessId")!));
        Assert.True(snapshot.VariableSets.ContainsKey(cac.Str("VariableSetId")!));
    }
}
