using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>The seed's recurring-sync example, end to end at planner level, with the default rules.</summary>
public class SeedRecurringSyncTests
{
    [Fact]
    public void Application_Database_Name_is_left_alone_ConnectionString_gets_the_role_and_the_Oracle_value_is_added()
    {
        var (s, source, destination) = SeedInitialSyncTests.Seed();
        var staging = s.Destination.Build().Environments.Single(e => e.Name() == "Staging").Id();
        var production = s.Destination.Build().Environments.Single(e => e.Name() == "Production").Id();

        // Run 1: the seed's second initial-sync table.
        var run1 = s.Plan(source, destination);
        var state = VariableScenario.Record(run1, null);
        destination = VariableScenario.Apply(run1);
        var connectionStringId = destination.Arr("Variables").Objects().Single(v => v.Name() == "ConnectionString").Id();

        // A person fills in the placeholder for Staging and adds a Production value.
        var placeholder = destination.Arr("Variables").Objects().Single(v => v.Name() == "Application.Database.Name");
        placeholder["Value"] = "OctoFx-Staging";
        placeholder["Scope"] = new JsonObject { ["Environment"] = new JsonArray(staging) };
        destination.Arr("Variables").Add(Value("person-1", "Application.Database.Name", "OctoFx-Production", Env(production)));

        // The source changes as in the seed.
        source = Set("variableset-Projects-3",
            Value("adn-env", "Application.Database.Name", "OctoFx-#{Octopus.Environment.Name}"),
            Value("cs", "ConnectionString", "Database=#{Application.Database.Name}", Role("SQL-Server")),
            Value("cs-oracle", "ConnectionString", "Data Source=#{Application.Database.Name}", Role("Oracle")));

        var run2 = s.Plan(source, destination, state: state);

        Assert.Equal(ChangeAction.Update, run2.Change.Action);
        Assert.Equal(
            [
                "Application.Database.Name | OctoFx-Staging | Staging",
                "ConnectionString | Database=#{Application.Database.Name} | SQL-Server (role)",
                "Application.Database.Name | OctoFx-Production | Production",
                "ConnectionString | Data Source=#{Application.Database.Name} | Oracle (role)",
            ],
            s.Table(run2.Change.After));
        Assert.Equal(connectionStringId, run2.Change.After!.Arr("Variables").Objects().ElementAt(1).Id());
        Assert.Equal(
            [
                // The drift shows what the person left on the destination, not the source's value (issue #11).
                ("Application.Database.Name = OctoFx-Staging [Environment: Staging]", ChangeAction.Leave, true),
                ("Application.Database.Name = OctoFx-Production [Environment: Production]", ChangeAction.Leave, true),
                ("ConnectionString = Database=#{Application.Database.Name} [Role: SQL-Server]", ChangeAction.Update, false),
                ("ConnectionString = Data Source=#{Application.Database.Name} [Role: Oracle]", ChangeAction.Create, false),
            ],
            run2.Change.Details.Select(d => (d.Item, d.Action, d.IsDrift)));
        Assert.Equal("rules.variables.overwrite: unchanged", run2.Change.Details[0].Rule);
        Assert.Empty(run2.Diagnostics);

        // Run 3: nothing changed anywhere, nothing is written; the drift is still reported.
        state = VariableScenario.Record(run2, state);
        destination = VariableScenario.Apply(run2);
        var run3 = s.Plan(source, destination, state: state);

        Assert.False(run3.Change.Writes);
        Assert.Equal(ChangeAction.Leave, run3.Change.Action);
        Assert.Equal([ChangeAction.Leave, ChangeAction.Leave, ChangeAction.None, ChangeAction.None], run3.Change.Details.Select(d => d.Action));
        Assert.Equal(s.Table(destination), s.Table(run3.Change.After));
    }

    [Fact]
    public void Under_overwrite_always_the_edited_placeholder_is_restored_in_place_and_the_added_value_kept()
    {
        var (s, source, destination) = SeedInitialSyncTests.Seed();
        var rules = new Engine.Configuration.VariableRules { Overwrite = Engine.Configuration.OverwriteMode.Always };
        var production = s.Destination.Build().Environments.Single(e => e.Name() == "Production").Id();
        var run1 = s.Plan(source, destination, rules);
        destination = VariableScenario.Apply(run1);
        var placeholder = destination.Arr("Variables").Objects().Single(v => v.Name() == "Application.Database.Name");
        placeholder["Value"] = "OctoFx-Staging";
        destination.Arr("Variables").Add(Value("person-1", "Application.Database.Name", "OctoFx-Production", Env(production)));
        source = Set("variableset-Projects-3",
            Value("adn-env", "Application.Database.Name", "OctoFx-#{Octopus.Environment.Name}"),
            Value("cs", "ConnectionString", "Database=#{Application.Database.Name}"));

        var run2 = s.Plan(source, destination, rules, VariableScenario.Record(run1, null));

        Assert.Equal(
            [
                "Application.Database.Name | OctoFx-#{Octopus.Environment.Name} | ",
                "ConnectionString | Database=#{Application.Database.Name} | ",
                "Application.Database.Name | OctoFx-Production | Production",
            ],
            s.Table(run2.Change.After));
        Assert.Equal(placeholder.Id(), run2.Change.After!.Arr("Variables").Objects().First().Id());
        var restored = run2.Change.Details.Single(d => d.Item.StartsWith("Application", StringComparison.Ordinal));
        Assert.Equal((ChangeAction.Update, true, "rules.variables.overwrite: always"), (restored.Action, restored.IsDrift, restored.Rule));
    }
}
