using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Support;

namespace OctoSync.Engine.Tests.Planning.Tenancy;

/// <summary>Tenant variables (docs/rules.md "Tenant variables"): one OctoFx template value, source Test → destination Production.</summary>
public class TenantVariablePlannerTests
{
    private const string Member = "OctoFx/Production/DbServer";

    public static TheoryData<string, JsonNode?, JsonNode?, JsonNode?, ChangeAction, string> Rows => new()
    {
        // name, source value (Test), destination value (Production), what OctoSync wrote → action, what the change does
        { "new value", "test-sql", null, null, ChangeAction.Update, "set test-sql" },
        { "up to date", "test-sql", "test-sql", "test-sql", ChangeAction.None, "" },
        { "changed on the source", "test-sql-2", "test-sql", "test-sql", ChangeAction.Update, "set test-sql-2" },
        { "a person's edit is kept", "test-sql-2", "prod-sql", "test-sql", ChangeAction.Leave, "" },
        { "a person's value (never written) is kept", null, "prod-sql", null, ChangeAction.None, "" },
        { "deleted on the source", null, "test-sql", "test-sql", ChangeAction.Update, "remove" },
        { "a sensitive value arrives as a placeholder", Secret(), null, null, ChangeAction.Update, "set placeholder" },
        { "a sensitive value the destination has is kept", Secret(), Secret(), null, ChangeAction.None, "" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decides_each_value_with_the_three_way_rules(string row, JsonNode? source, JsonNode? destination, JsonNode? written, ChangeAction action, string does)
    {
        var plan = Plan(source, destination, written, out var input);

        var change = plan.Single(ResourceKind.TenantVariables, "Acme");
        Assert.True(action == change.Action, $"{row}: {change.Action} {change.Reason}");
        var set = change.After?.Arr("Set").Objects().SingleOrDefault();
        var removed = change.After?.Arr("Remove").Objects().SingleOrDefault();
        switch (does)
        {
            case "remove":
                Assert.NotNull(removed);
                Assert.Equal("DbServer", removed.Str("Template"));
                break;
            case "set placeholder":
                Assert.Equal(input.Rules.Default.Variables.Placeholder, set!["Value"]!["NewValue"]!.GetValue<string>());
                Assert.Contains(plan.Cleanup, c => c.What.Contains(Member, StringComparison.Ordinal));
                break;
            case "":
                Assert.Null(change.After);
                break;
            default:
                Assert.Equal(does["set ".Length..], set!["Value"]!.GetValue<string>());
                Assert.Equal(input.Destination.Projects.Single().Id(), set.Str("ProjectId"));
                Assert.Equal(input.Destination.Environments.Single().Id(), set.Str("EnvironmentId"));
                break;
        }

        Assert.Equal(row == "a person's edit is kept", change.Details.Any(d => d.IsDrift));
    }

    [Fact]
    public void A_value_for_an_excluded_environment_is_not_written_and_says_why()
    {
        var sourceBuilder = Source();
        var input = PlanningFixture.Input(sourceBuilder, Destination(), environments: Mapping);
        var sourceDocument = Document(input.Source, "Development", "dev-sql");
        input = input with { Source = input.Source with { TenantVariables = new Dictionary<string, JsonObject> { [sourceDocument.Str("TenantId")!] = sourceDocument } } };

        var change = SyncPlanner.Plan(input).Single(ResourceKind.TenantVariables, "Acme");

        Assert.Equal(ChangeAction.None, change.Action);
        Assert.Contains(change.Details, d => d.Action == ChangeAction.Skip && d.Rule == "excluded");
    }

    private static readonly Dictionary<string, string> Mapping = new(StringComparer.OrdinalIgnoreCase) { ["Test"] = "Production" };

    private static JsonObject Secret() => new() { ["HasValue"] = true };

    private static SnapshotBuilder Source() => new SnapshotBuilder("Spaces-1").Environment("Development").Environment("Test")
        .Project("OctoFx").Tenant("Acme", t => t.Connect("OctoFx", "Development", "Test"));

    private static SnapshotBuilder Destination() => new SnapshotBuilder("Spaces-2").Environment("Production")
        .Project("OctoFx").Tenant("Acme", t => t.Connect("OctoFx", "Production"));

    private static Plan Plan(JsonNode? source, JsonNode? destination, JsonNode? written, out PlanningInput input)
    {
        var state = SyncState.Empty("prod");
        if (written is not null)
        {
            var fingerprint = written is JsonObject ? Fingerprint.Of(new JsonObject { ["Sensitive"] = true }) : Fingerprint.Of(written);
            state = state with { Objects = new Dictionary<string, ObjectState> { [$"TenantVariable:Acme|{Member}"] = new(fingerprint) } };
        }

        input = PlanningFixture.Input(Source(), Destination(), environments: Mapping, state: state);
        var sourceDocument = Document(input.Source, "Test", source);
        var destinationDocument = Document(input.Destination, "Production", destination);
        input = input with
        {
            Source = input.Source with { TenantVariables = new Dictionary<string, JsonObject> { [sourceDocument.Str("TenantId")!] = sourceDocument } },
            Destination = input.Destination with { TenantVariables = new Dictionary<string, JsonObject> { [destinationDocument.Str("TenantId")!] = destinationDocument } },
        };
        return SyncPlanner.Plan(input);
    }

    /// <summary>A 2021.2 tenant variables document with one OctoFx template (its id differs per instance) and at most one value.</summary>
    private static JsonObject Document(SpaceSnapshot space, string environment, JsonNode? value)
    {
        var project = space.Projects.Single();
        var templateId = $"{space.SpaceId}-template-1";
        var values = new JsonObject();
        if (value is not null)
        {
            values[space.Environments.Single(e => e.Name() == environment).Id()] = new JsonObject { [templateId] = value.DeepClone() };
        }

        return new JsonObject
        {
            ["TenantId"] = space.Tenants.Single().Id(),
            ["TenantName"] = "Acme",
            ["LibraryVariables"] = new JsonObject(),
            ["ProjectVariables"] = new JsonObject
            {
                [project.Id()] = new JsonObject
                {
                    ["ProjectId"] = project.Id(),
                    ["ProjectName"] = "OctoFx",
                    ["Templates"] = new JsonArray(new JsonObject { ["Id"] = templateId, ["Name"] = "DbServer" }),
                    ["Variables"] = values,
                },
            },
        };
    }
}
