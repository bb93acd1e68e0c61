using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>The demo's configuration (Test → Staging): tenants, steps, channels and accounts on the destination.</summary>
public class MappedSyncTests
{
    [Fact]
    public async Task The_test_tenant_arrives_with_its_connection_translated_and_the_customer_tenant_does_not()
    {
        await using var instances = await TwoInstances.StartAsync();

        var (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.True(exit == 0, output);
        var project = await instances.DestinationClient.IdOfAsync("projects", OctoFxExample.Project);
        var staging = await instances.DestinationClient.IdOfAsync("environments", "Staging");
        var tenant = await instances.DestinationClient.NamedAsync("tenants", "Test Tenant");
        Assert.NotNull(tenant);
        Assert.Equal([staging], tenant.Obj("ProjectEnvironments")!.Strings(project));
        Assert.Null(await instances.DestinationClient.NamedAsync("tenants", "Customer A"));
    }

    [Fact]
    public async Task Steps_are_rescoped_through_the_mapping_and_accounts_are_matched_by_name()
    {
        await using var instances = await TwoInstances.StartAsync();

        var (exit, output) = await instances.RunAsync("apply", "--yes");

        Assert.True(exit == 0, output);
        var actions = await instances.DestinationClient.ActionsAsync();
        var staging = await instances.DestinationClient.IdOfAsync("environments", "Staging");
        var account = await instances.DestinationClient.IdOfAsync("accounts", OctoFxExample.SharedAccount);
        Assert.Equal([staging], actions["QA sign-off"].Strings("Environments"));
        Assert.Equal(account, actions["Configure Azure web app"].Obj("Properties")!.Str("Octopus.Action.Azure.AccountId"));
        Assert.DoesNotContain("Spin up temp database", actions.Keys);
        Assert.Null(await instances.DestinationClient.NamedAsync("accounts", "Azure Dev/Test"));
        var channels = await instances.DestinationClient.GetAllAsync("channels");
        Assert.DoesNotContain(channels, c => c.Name() == "Dev only");
    }
}
