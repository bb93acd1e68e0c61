using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>Spec §5.5's "Production only" example of the default <c>whenNoEnvironmentLeft: placeholder</c>.</summary>
public class ProductionOnlyTests
{
    [Fact]
    public void A_dev_value_never_becomes_a_fallback_and_a_dev_test_only_variable_arrives_as_one_placeholder()
    {
        var s = new VariableScenario();
        var (dev, test, production) = (s.Source.Environment("Development"), s.Source.Environment("Test"), s.Source.Environment("Production"));
        s.Source.Project("OctoFx");
        s.Destination.Environment("Production");
        s.Destination.Project("OctoFx");
        var source = Set("variableset-Projects-4",
            Value("u1", "Api.Url", "https://dev.internal", Env(dev)),
            Value("u2", "Api.Url", "https://api.example", Env(production)),
            Value("f1", "Feature.Flags", "all-on", Env(dev)),
            Value("f2", "Feature.Flags", "beta", Env(test)));

        var plan = s.Plan(source, Set("variableset-Projects-102"));

        Assert.Equal(["Api.Url | https://api.example | Production", "Feature.Flags | Replace Me | "], s.Table(plan.Change.After));
        Assert.Equal("OctoFx / Feature.Flags", Assert.Single(plan.Cleanup).Subject);
        var devUrl = plan.Change.Details.Single(d => d.Item.Contains("dev.internal", StringComparison.Ordinal));
        Assert.Equal(ChangeAction.Skip, devUrl.Action);
        Assert.Equal("rules.variables.whenNoEnvironmentLeft: placeholder", devUrl.Rule);
    }

    [Fact]
    public void A_sensitive_variable_gets_a_sensitive_placeholder()
    {
        var s = new VariableScenario();
        var dev = s.Source.Environment("Development");
        s.Source.Project("OctoFx");
        s.Destination.Environment("Production");
        s.Destination.Project("OctoFx");

        var plan = s.Plan(Set("variableset-Projects-4", Sensitive("p1", "Db.Password", Env(dev))), Set("variableset-Projects-102"));

        var written = Assert.Single(plan.Change.After!.Arr("Variables").Objects());
        Assert.True(written.Bool("IsSensitive"));
        Assert.Equal("Replace Me", written.Str("Value"));
        Assert.Single(plan.Cleanup);
        Assert.Equal("Db.Password = ***", plan.Change.Details.Single(d => d.Action == ChangeAction.Create).Item);
    }

    [Fact]
    public void A_variable_of_certificates_gets_no_placeholder_but_a_warning()
    {
        var s = new VariableScenario();
        var dev = s.Source.Environment("Development");
        var cert = s.Source.Certificate("Shared cert");
        s.Source.Project("OctoFx");
        s.Destination.Environment("Production");
        s.Destination.Certificate("Shared cert");
        s.Destination.Project("OctoFx");

        var plan = s.Plan(Set("variableset-Projects-4", Typed("c1", "Site.Certificate", cert, "Certificate", Env(dev))), Set("variableset-Projects-102"));

        Assert.Empty(plan.Change.After!.Arr("Variables"));
        Assert.Contains("Site.Certificate", Assert.Single(plan.Diagnostics).Summary, StringComparison.Ordinal);
        Assert.Equal(ChangeAction.None, plan.Change.Action);
    }

    [Fact]
    public void No_placeholder_is_added_to_a_variable_a_person_already_keeps_on_the_destination()
    {
        var s = new VariableScenario();
        var dev = s.Source.Environment("Development");
        s.Source.Project("OctoFx");
        var production = s.Destination.Environment("Production");
        s.Destination.Project("OctoFx");
        var destination = Set("variableset-Projects-102", Value("person", "Feature.Flags", "prod-flags", Env(production)));

        var plan = s.Plan(Set("variableset-Projects-4", Value("f1", "Feature.Flags", "all-on", Env(dev))), destination);

        Assert.Equal(["Feature.Flags | prod-flags | Production"], s.Table(plan.Change.After));
        Assert.False(plan.Change.Writes);
        Assert.Empty(plan.Cleanup);
        Assert.Equal(ChangeAction.Skip, plan.Change.Details.Single(d => d.Item == "Feature.Flags = Replace Me").Action);
    }
}
