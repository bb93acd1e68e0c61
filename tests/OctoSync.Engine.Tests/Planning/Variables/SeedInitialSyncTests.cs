using OctoSync.Engine.Configuration;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>The seed's "Variable Scoping" tables: Dev/Test source, Staging/Production destination, no mapping.</summary>
public class SeedInitialSyncTests
{
    public static TheoryData<WhenNoEnvironmentLeft, string[]> SeedTables => new()
    {
        // The seed's first initial-sync table: values cloned as is, environment scoping excluded.
        {
            WhenNoEnvironmentLeft.Unscope,
            [
                "Application.Database.Name | OctoFx-Dev | ",
                "Application.Database.Name | OctoFX-Test | ",
                "ConnectionString | Database=#{Application.Database.Name} | ",
            ]
        },
        // The seed's second table: one placeholder instead of the environment-specific values.
        {
            WhenNoEnvironmentLeft.Placeholder,
            [
                "Application.Database.Name | Replace Me | ",
                "ConnectionString | Database=#{Application.Database.Name} | ",
            ]
        },
        { WhenNoEnvironmentLeft.Skip, ["ConnectionString | Database=#{Application.Database.Name} | "] },
    };

    [Theory]
    [MemberData(nameof(SeedTables))]
    public void Initial_sync_writes_the_seed_table(WhenNoEnvironmentLeft mode, string[] expected)
    {
        var (scenario, source, destination) = Seed();

        var plan = scenario.Plan(source, destination, new VariableRules { WhenNoEnvironmentLeft = mode });

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(expected, scenario.Table(plan.Change.After));
    }

    [Fact]
    public void Placeholder_is_listed_for_clean_up_and_the_dev_values_are_reported_as_skipped()
    {
        var (scenario, source, destination) = Seed();

        var plan = scenario.Plan(source, destination);

        var cleanup = Assert.Single(plan.Cleanup);
        Assert.Equal("OctoFx / Application.Database.Name", cleanup.Subject);
        Assert.Contains("Replace Me", cleanup.What, StringComparison.Ordinal);
        var skipped = plan.Change.Details.Where(d => d.Action == ChangeAction.Skip).ToList();
        Assert.Equal(["Application.Database.Name = OctoFx-Dev [Environment: Development]", "Application.Database.Name = OctoFX-Test [Environment: Test]"],
            skipped.Select(d => d.Item));
        Assert.All(skipped, d => Assert.Equal("rules.variables.whenNoEnvironmentLeft: placeholder", d.Rule));
        var placeholder = plan.Change.Details.Single(d => d.Action == ChangeAction.Create && d.Item.StartsWith("Application", StringComparison.Ordinal));
        Assert.Equal("Application.Database.Name = Replace Me", placeholder.Item);
        Assert.Equal("rules.variables.whenNoEnvironmentLeft: placeholder", placeholder.Rule);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Skip_warns_that_ConnectionString_needs_Application_Database_Name()
    {
        var (scenario, source, destination) = Seed();

        var plan = scenario.Plan(source, destination, new VariableRules { WhenNoEnvironmentLeft = WhenNoEnvironmentLeft.Skip });

        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("#{Application.Database.Name}", warning.Summary, StringComparison.Ordinal);
        Assert.Equal("OctoFx / ConnectionString", warning.Subject);
        Assert.DoesNotContain("Application.Database.Name", plan.SyncedNames);
        Assert.Contains("ConnectionString", plan.SyncedNames);
    }

    [Fact]
    public void A_name_synced_by_a_library_variable_set_is_not_a_missing_reference()
    {
        var (scenario, source, destination) = Seed();

        var plan = scenario.Plan(source, destination, new VariableRules { WhenNoEnvironmentLeft = WhenNoEnvironmentLeft.Skip },
            namesElsewhere: new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "application.database.name" });

        Assert.Empty(plan.Diagnostics);
    }

    internal static (VariableScenario, System.Text.Json.Nodes.JsonObject Source, System.Text.Json.Nodes.JsonObject Destination) Seed()
    {
        var scenario = new VariableScenario();
        var dev = scenario.Source.Environment("Development");
        var test = scenario.Source.Environment("Test");
        scenario.Source.Project("OctoFx");
        scenario.Destination.Environment("Staging");
        scenario.Destination.Environment("Production");
        var project = scenario.Destination.Project("OctoFx");
        var source = Set("variableset-Projects-3",
            Value("adn-dev", "Application.Database.Name", "OctoFx-Dev", Env(dev)),
            Value("adn-test", "Application.Database.Name", "OctoFX-Test", Env(test)),
            Value("cs", "ConnectionString", "Database=#{Application.Database.Name}"));
        return (scenario, source, Set($"variableset-{project}"));
    }
}
