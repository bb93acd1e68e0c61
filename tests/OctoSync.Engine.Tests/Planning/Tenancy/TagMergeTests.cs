using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.Planning.TagSets;
using OctoSync.Engine.Planning.Tenants;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning.Tenancy;

/// <summary>Tag sets merge tag by tag; a tenant's tags member by member.</summary>
public class TagMergeTests
{
    public static TheoryData<string, string[], string[]?, string[], string[], bool> TagRows => new()
    {
        // name, source tags, destination tags (null: no set yet), tags OctoSync wrote → tags written, writes
        { "a new set", ["EU", "US"], null, [], ["EU", "US"], true },
        { "the source's new tag arrives on an existing set", ["EU", "US"], ["EU"], [], ["EU", "US"], true },
        { "a person's extra tag is kept", ["EU"], ["EU", "APAC"], ["EU"], ["EU", "APAC"], false },
        { "a person's tag and the source's new tag", ["EU", "LATAM"], ["EU", "APAC"], ["EU"], ["EU", "APAC", "LATAM"], true },
        { "a tag OctoSync wrote and the source deleted goes", ["EU"], ["EU", "US"], ["EU", "US"], ["EU"], true },
        { "a tag the person deleted stays deleted", ["EU", "US"], ["EU"], ["EU", "US"], ["EU"], false },
    };

    [Theory]
    [MemberData(nameof(TagRows))]
    public void Tags_are_merged_one_by_one(string row, string[] source, string[]? destination, string[] written, string[] expected, bool writes)
    {
        var owned = OwnedMembers.Index(State(written.Select(t => ($"Tag:Region|{t}", TagMerge.Fingerprint(Tag(t))))), TagMerge.StateKind);

        var result = TagMerge.Merge("Region", Set(source), destination is null ? null : Set(destination), owned, OverwriteMode.Unchanged);

        Assert.True(expected.SequenceEqual(result.Tags.Objects().Select(t => t.Name())), $"{row}: {string.Join(", ", result.Tags.Objects().Select(t => t.Name()))}");
        Assert.Equal(writes, result.Writes);
        Assert.DoesNotContain(result.Details, d => d.IsDrift);
    }

    [Fact]
    public void A_tag_edited_on_the_destination_and_deleted_on_the_source_is_left_as_drift()
    {
        var owned = OwnedMembers.Index(State([("Tag:Region|US", TagMerge.Fingerprint(Tag("US")))]), TagMerge.StateKind);
        var edited = Set(["EU", "US"]);
        edited.Arr("Tags").Objects().Last()["Color"] = "#FF0000";

        var result = TagMerge.Merge("Region", Set(["EU"]), edited, owned, OverwriteMode.Unchanged);

        Assert.Equal(["EU", "US"], result.Tags.Objects().Select(t => t.Name()));
        Assert.Contains(result.Details, d => d.IsDrift && d.Item == "tag \"US\"");
    }

    public static TheoryData<string, string[], string[], string[], string[]> TenantTagRows => new()
    {
        // name, source tags (available), destination tags, written → tags written
        { "new tags", ["Region/EU"], [], [], ["Region/EU"] },
        { "a person's tag is kept", ["Region/EU"], ["Region/EU", "Tier/Gold"], ["Region/EU"], ["Region/EU", "Tier/Gold"] },
        { "a tag the source removed goes", [], ["Region/EU", "Tier/Gold"], ["Region/EU"], ["Tier/Gold"] },
    };

    [Theory]
    [MemberData(nameof(TenantTagRows))]
    public void A_tenants_tags_are_merged_one_by_one(string row, string[] source, string[] destination, string[] written, string[] expected)
    {
        var owned = OwnedMembers.Index(State(written.Select(t => ($"TenantTag:Acme|{t}", "present"))), TenantMembers.TagKind);
        var tenant = new JsonObject { ["Name"] = "Acme", ["TenantTags"] = destination.ToJsonArray() };

        var result = TenantMembers.Tags("Acme", source, tenant, owned, OverwriteMode.Unchanged);

        Assert.True(expected.SequenceEqual(result.Value.Select(t => t!.GetValue<string>())), row);
    }

    [Fact]
    public void A_tenant_tag_the_destination_will_not_have_is_left_off_with_a_warning()
    {
        var source = PlanningFixture.DevTest().TagSet("Region", "EU").Project("OctoFx")
            .Tenant("Acme", t => t.Connect("OctoFx", "Test").Tags("Region/EU"));
        var plan = PlanningFixture.Plan(source, PlanningFixture.ProductionOnly(), environments: new() { ["Test"] = "Production" },
            select: new Selection { TagSets = NameFilter.None });

        var tenant = plan.Single(ResourceKind.Tenant, "Acme");
        Assert.Empty(tenant.After!.Strings("TenantTags"));
        Assert.Contains(tenant.Details, d => d.Item == "tag \"Region/EU\"" && d.Rule == "select.tagSets");
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Summary.Contains("Region/EU", StringComparison.Ordinal));
    }

    private static JsonObject Tag(string name) => new() { ["Name"] = name, ["Color"] = "#3156B3", ["Description"] = "" };

    private static JsonObject Set(IEnumerable<string> tags) =>
        new() { ["Name"] = "Region", ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)Tag(t)).ToArray()) };

    private static SyncState State(IEnumerable<(string Key, string Fingerprint)> objects) =>
        SyncState.Empty("prod") with { Objects = objects.ToDictionary(o => o.Key, o => new ObjectState(o.Fingerprint), StringComparer.Ordinal) };
}
