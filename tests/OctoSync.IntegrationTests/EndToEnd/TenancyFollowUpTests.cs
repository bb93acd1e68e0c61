using System.Text.Json.Nodes;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Snapshot;
using static OctoSync.IntegrationTests.EndToEnd.Tenancy;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #7 follow-up (tenants2): a tenant and a tag set recorded by a state of format version 1 converge after the
/// upgrade; a tag a person deleted on the destination is decided per item; a removed tenant takes its member entries.
/// </summary>
public class TenancyFollowUpTests
{
    private const string Tenant = "Test Tenant";

    [Fact]
    public async Task A_tenant_and_a_tag_set_last_written_by_a_format_1_state_converge_and_the_sources_later_changes_arrive()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU", "US");
        var tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["TenantTags"] = new[] { "Region/EU", "Region/US" }.ToJsonArray();
        await SaveAsync(source, "tenants", tenant);
        await ApplyAsync(instances);
        await WriteFormatOneStateAsync(instances);

        // The source changes the tenant and its tags after the upgrade: a new tag, a deleted one, a new description.
        // (Octopus refuses to remove a tag a tenant still uses: the tenant is untagged first.)
        await AddTagAsync(source, "Region", "LATAM");
        tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["Description"] = "Changed after the upgrade";
        tenant["TenantTags"] = new[] { "Region/EU", "Region/LATAM" }.ToJsonArray();
        await SaveAsync(source, "tenants", tenant);
        await RemoveTagAsync(source, "Region", "US");

        var (exit, output) = await instances.RunAsync("plan");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("drift", output, StringComparison.OrdinalIgnoreCase);
        await ApplyAsync(instances);
        var objects = (await ReadStateAsync(instances)).Obj("objects")!;
        Assert.True(objects.ContainsKey("Tag:Region|EU") && objects.ContainsKey("Tag:Region|LATAM") && !objects.ContainsKey("Tag:Region|US"));
        Assert.NotNull(objects[$"Tenant:{Tenant}"]!["sourceId"]);
        Assert.Equal(["EU", "LATAM"], await TagNamesAsync(destination, "Region"));
        var written = await ByNameAsync(destination, "tenants", Tenant);
        Assert.Equal("Changed after the upgrade", written.Str("Description"));
        Assert.Equal(["Region/EU", "Region/LATAM"], written.Strings("TenantTags").Order(StringComparer.Ordinal));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_tag_a_person_deleted_on_the_destination_leaves_out_the_step_that_uses_it_and_the_rest_is_written()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU", "US");
        await ApplyAsync(instances);

        // A person deletes US on the destination (left deleted); the source then tags a step with it.
        await RemoveTagAsync(destination, "Region", "US");
        await TagFirstStepAsync(source, OctoFxExample.Project, "Region/US");
        var tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["TenantTags"] = new[] { "Region/US" }.ToJsonArray();
        tenant["Description"] = "Tagged US on the source";
        await SaveAsync(source, "tenants", tenant);

        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
        Assert.Contains("Region/US", output, StringComparison.Ordinal);
        Assert.Contains("left deleted", output, StringComparison.Ordinal);
        Assert.Equal(["EU"], await TagNamesAsync(destination, "Region"));
        var first = (await StepsAsync(source, OctoFxExample.Project))[0].Name();
        var steps = (await StepsAsync(destination, OctoFxExample.Project)).Select(s => s.Name()).ToList();
        Assert.DoesNotContain(first, steps);
        Assert.NotEmpty(steps);
        var written = await ByNameAsync(destination, "tenants", Tenant);
        Assert.Equal("Tagged US on the source", written.Str("Description"));
        Assert.Empty(written.Strings("TenantTags"));
        await instances.AssertConvergedAsync();
    }

    [Fact]
    public async Task A_tenant_removed_under_deletions_objects_remove_takes_its_member_entries_out_of_the_state()
    {
        await using var instances = await TwoInstances.StartAsync(rulesYaml: "rules:\n  deletions:\n    objects: remove");
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        await CreateTagSetAsync(source, "Region", "EU");
        var tenant = await ByNameAsync(source, "tenants", Tenant);
        tenant["TenantTags"] = new[] { "Region/EU" }.ToJsonArray();
        await SaveAsync(source, "tenants", tenant);
        await ApplyAsync(instances);
        Assert.Contains((await ReadStateAsync(instances)).Obj("objects")!, e => e.Key.StartsWith($"TenantConnection:{Tenant}|", StringComparison.Ordinal));
        Assert.Contains((await ReadStateAsync(instances)).Obj("objects")!, e => e.Key.StartsWith($"TenantTag:{Tenant}|", StringComparison.Ordinal));

        await source.DeleteAsync($"tenants/{tenant.Id()}");
        await ApplyAsync(instances);
        Assert.DoesNotContain(await destination.GetAllAsync("tenants"), t => t.Name() == Tenant);
        var keys = (await ReadStateAsync(instances)).Obj("objects")!.Select(e => e.Key).ToList();
        Assert.DoesNotContain(keys, k => k.Contains(Tenant, StringComparison.Ordinal));
        await instances.AssertConvergedAsync();
    }

    private static string StatePath(TwoInstances instances) =>
        Assert.Single(Directory.GetFiles(Path.Combine(instances.Folder, ".octosync", "state"), "*.json"));

    private static async Task<JsonObject> ReadStateAsync(TwoInstances instances) =>
        JsonNode.Parse(await File.ReadAllTextAsync(StatePath(instances)))!.AsObject();

    /// <summary>
    /// Rewrites the state as the previous release wrote it (format version 1): no source identity, no per-member entries,
    /// and the tenant and tag set fingerprinted together with their members (connections and tags; tags), as that
    /// release's planners did: the managed fields of the source document, in portable form, valued as written.
    /// </summary>
    private static async Task WriteFormatOneStateAsync(TwoInstances instances)
    {
        var (source, destination) = (instances.SourceClient, instances.DestinationClient);
        var translator = new Translator(new NameIndex(await SnapshotReader.ReadAsync(source)), new NameIndex(await SnapshotReader.ReadAsync(destination)));
        string Whole(JsonObject sourceDocument, JsonObject written, params string[] unmanaged)
        {
            var fields = ObjectDecider.Pick(sourceDocument, unmanaged).Select(p => p.Key);
            return PortableForm.Fingerprint(new JsonObject(fields.Select(f => KeyValuePair.Create(f, written[f]?.DeepClone()))), translator);
        }

        var state = await ReadStateAsync(instances);
        state["formatVersion"] = 1;
        var objects = state.Obj("objects")!;
        string[] members = ["Tag:", "TenantConnection:", "TenantTag:", "TenantVariable:"];
        foreach (var key in objects.Select(e => e.Key).Where(k => members.Any(m => k.StartsWith(m, StringComparison.Ordinal))).ToList())
        {
            objects.Remove(key);
        }

        foreach (var (_, entry) in objects)
        {
            foreach (var field in new[] { "sourceId", "sourceName", "fields" })
            {
                entry!.AsObject().Remove(field);
            }
        }

        objects[$"Tenant:{Tenant}"]!["fingerprint"] = Whole(await ByNameAsync(source, "tenants", Tenant), await ByNameAsync(destination, "tenants", Tenant), "ClonedFromTenantId");
        objects["TagSet:Region"]!["fingerprint"] = Whole(await ByNameAsync(source, "tagsets", "Region"), await ByNameAsync(destination, "tagsets", "Region"), "SortOrder");
        await File.WriteAllTextAsync(StatePath(instances), state.ToJsonString());
    }

    private static async Task ApplyAsync(TwoInstances instances)
    {
        var (exit, output) = await instances.RunAsync("apply", "--yes");
        Assert.True(exit == 0, output);
    }

}
