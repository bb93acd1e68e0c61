using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using static OctoSync.IntegrationTests.EndToEnd.Tenancy;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #7, tags, tenants and tenant variables: change histories over two emulators (Test → Staging), each followed
/// by an apply that writes nothing and a plan with nothing pending.
/// </summary>
public class TenancyHistoryTests
{
    private const string Tenant = "Test Tenant";

    [Fact]
    public async Task A_persons_connection_to_a_destination_only_project_is_kept_and_the_sources_later_changes_arrive()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateProjectAsync(source, "Second");
        await ConnectAsync(source, Tenant, "Second", "Test");
        await ApplyAsync(instances);
        Assert.Equal(["OctoFx/Staging", "Second/Staging"], await ConnectionsAsync(destination, Tenant));

        // A person connects the synced tenant to a project only the destination has; the source then changes the tenant.
        await CreateProjectAsync(destination, "Local app");
        await ConnectAsync(destination, Tenant, "Local app", "Production");
        var tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["Description"] = "Changed on the source";
        await SaveAsync(source, "tenants", tenant);

        var (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("drift", output, StringComparison.OrdinalIgnoreCase);
        await ApplyAsync(instances);
        Assert.Equal("Changed on the source", (await ByNameAsync(destination, "tenants", Tenant)).Str("Description"));
        Assert.Equal(["Local app/Production", "OctoFx/Staging", "Second/Staging"], await ConnectionsAsync(destination, Tenant));
        await instances.AssertConvergedAsync();

        // The source deletes a connection OctoSync made: it goes; the person's stays.
        await DisconnectAsync(source, Tenant, "Second");
        await ApplyAsync(instances);
        Assert.Equal(["Local app/Production", "OctoFx/Staging"], await ConnectionsAsync(destination, Tenant));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_tag_a_person_adds_to_a_synced_tag_set_is_kept_and_the_sources_new_and_deleted_tags_arrive()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU", "US");
        var tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["TenantTags"] = new[] { "Region/EU" }.ToJsonArray();
        await SaveAsync(source, "tenants", tenant);
        await ApplyAsync(instances);
        Assert.Equal(["EU", "US"], await TagNamesAsync(destination, "Region"));
        Assert.Equal(["Region/EU"], (await ByNameAsync(destination, "tenants", Tenant)).Strings("TenantTags"));

        await AddTagAsync(destination, "Region", "APAC");
        await AddTagAsync(source, "Region", "LATAM");
        var (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("drift", output, StringComparison.OrdinalIgnoreCase);
        await ApplyAsync(instances);
        Assert.Equal(["APAC", "EU", "LATAM", "US"], await TagNamesAsync(destination, "Region"));
        await instances.AssertConvergedAsync();

        // The source deletes a tag OctoSync created: it goes; the person's stays.
        await RemoveTagAsync(source, "Region", "US");
        await ApplyAsync(instances);
        Assert.Equal(["APAC", "EU", "LATAM"], await TagNamesAsync(destination, "Region"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_step_tagged_with_a_tag_the_destination_set_lacks_gets_the_tag_created_and_the_process_written()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU");
        await TagFirstStepAsync(source, OctoFxExample.Project, "Region/EU");
        // The destination already has the tag set (a person made it), without the tag.
        await CreateTagSetAsync(destination, "Region", "APAC");

        await ApplyAsync(instances);
        Assert.Equal(["APAC", "EU"], await TagNamesAsync(destination, "Region"));
        var first = (await StepsAsync(source, OctoFxExample.Project))[0].Name();
        var step = Assert.Single(await StepsAsync(destination, OctoFxExample.Project), s => s.Name() == first);
        Assert.Equal(["Region/EU"], step.Arr("Actions").Objects().First().Strings("TenantTags"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_step_tagged_with_a_tag_from_a_tag_set_not_synced_is_skipped_with_its_rule_and_the_rest_of_the_process_is_written()
    {
        await using var instances = await TwoInstances.StartAsync(rulesYaml: "select:\n  tagSets: []");
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU");
        await TagFirstStepAsync(source, OctoFxExample.Project, "Region/EU");

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Contains("select.tagSets", output, StringComparison.Ordinal);
        var sourceSteps = await StepsAsync(source, OctoFxExample.Project);
        var written = (await StepsAsync(destination, OctoFxExample.Project)).Select(s => s.Name()).ToList();
        Assert.DoesNotContain(sourceSteps[0].Name(), written);
        Assert.NotEmpty(written);
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task Tenant_variables_arrive_through_the_mapping_a_secret_as_a_placeholder_and_a_persons_edit_is_kept()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await SeedTenantVariablesAsync(source);

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Contains("sensitive value OctoFx/Staging/ApiKey", output, StringComparison.Ordinal);
        Assert.DoesNotContain("source-secret", output, StringComparison.Ordinal);
        Assert.Equal("test-sql", Text(await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "DbServer")));
        Assert.Null(await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Production", "DbServer"));
        Assert.True((await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "ApiKey"))?["HasValue"]?.GetValue<bool>());
        Assert.Equal("eu-west", Text(await TenantVariableAsync(destination, Tenant, "Common", null, "Region")));
        await instances.AssertConvergedAsync();

        // A person edits a value OctoSync wrote; the source changes it and another one.
        await SetTenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "DbServer", "staging-sql");
        await SetTenantVariableAsync(source, Tenant, OctoFxExample.Project, "Test", "DbServer", "test-sql-2");
        await SetTenantVariableAsync(source, Tenant, "Common", null, "Region", "eu-central");
        (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Contains("drift", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("staging-sql", Text(await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "DbServer")));
        Assert.Equal("eu-central", Text(await TenantVariableAsync(destination, Tenant, "Common", null, "Region")));
        Assert.True((await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "ApiKey"))?["HasValue"]?.GetValue<bool>());
        await instances.AssertConvergedAsync();

        // The source deletes a value OctoSync wrote: it goes.
        await SetTenantVariableAsync(source, Tenant, "Common", null, "Region", null);
        await ApplyAsync(instances);
        Assert.Null(await TenantVariableAsync(destination, Tenant, "Common", null, "Region"));
        Assert.Equal("staging-sql", Text(await TenantVariableAsync(destination, Tenant, OctoFxExample.Project, "Staging", "DbServer")));
        await instances.AssertConvergedAsync();
    }

    /// <summary>OctoFx gets two project templates (one sensitive) and includes a library set "Common" with one template;
    /// Test Tenant gets values for Development and Test and a common value.</summary>
    private static async Task SeedTenantVariablesAsync(Engine.Api.IOctopusSpaceClient source)
    {
        var common = await source.CreateAsync("libraryvariablesets", new JsonObject
        {
            ["Name"] = "Common",
            ["ContentType"] = "Variables",
            ["Templates"] = new JsonArray(Template("Region")),
        });
        var project = await ByNameAsync(source, "projects", OctoFxExample.Project);
        project["Templates"] = new JsonArray(Template("DbServer"), Template("ApiKey", "Sensitive"));
        project["IncludedLibraryVariableSetIds"] = new[] { common.Id() }.ToJsonArray();
        await SaveAsync(source, "projects", project);

        await SetTenantVariableAsync(source, Tenant, OctoFxExample.Project, "Development", "DbServer", "dev-sql");
        await SetTenantVariableAsync(source, Tenant, OctoFxExample.Project, "Test", "DbServer", "test-sql");
        await SetTenantVariableAsync(source, Tenant, OctoFxExample.Project, "Test", "ApiKey", new JsonObject { ["HasValue"] = true, ["NewValue"] = "source-secret" });
        await SetTenantVariableAsync(source, Tenant, "Common", null, "Region", "eu-west");
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static async Task ApplyAsync(TwoInstances instances)
    {
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
    }

}
