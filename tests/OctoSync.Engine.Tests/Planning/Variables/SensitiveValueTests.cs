using System.Text.Json;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>Sensitive values cannot be read: new ones get the placeholder (or are skipped), existing ones keep their secret.</summary>
public class SensitiveValueTests
{
    private readonly VariableScenario _s = new();
    private readonly string _production;

    public SensitiveValueTests()
    {
        _s.Source.Project("OctoFx");
        _production = _s.Source.Environment("Production");
        _s.Destination.Project("OctoFx");
        _s.Destination.Environment("Production");
    }

    [Fact]
    public void A_new_sensitive_value_is_created_with_the_placeholder_and_listed_for_clean_up()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Sensitive("p", "Db.Password", Env(_production))), Set("variableset-Projects-101"));

        var written = Assert.Single(plan.Change.After!.Arr("Variables").Objects());
        Assert.Equal(("Replace Me", true, "Sensitive"), (written.Str("Value"), written.Bool("IsSensitive"), written.Str("Type")));
        var detail = Assert.Single(plan.Change.Details);
        Assert.Equal((ChangeAction.Create, "rules.variables.sensitive: placeholder"), (detail.Action, detail.Rule));
        Assert.Equal("Db.Password = *** [Environment: Production]", detail.Item);
        Assert.Equal("OctoFx / Db.Password [Environment: Production]", Assert.Single(plan.Cleanup).Subject);
    }

    [Fact]
    public void Under_skip_a_new_sensitive_value_is_not_created()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Sensitive("p", "Db.Password")), Set("variableset-Projects-101"),
            new VariableRules { Sensitive = SensitiveMode.Skip });

        Assert.Empty(plan.Change.After!.Arr("Variables"));
        Assert.Equal((ChangeAction.Skip, "rules.variables.sensitive: skip"), (plan.Change.Details[0].Action, plan.Change.Details[0].Rule));
        Assert.Empty(plan.Cleanup);
        Assert.Empty(plan.Change.StateUpdates.OfType<Engine.State.StateUpdate.SetVariable>().SelectMany(u => u.Values));
    }

    [Fact]
    public void An_existing_sensitive_value_in_the_same_slot_is_adopted_without_writing()
    {
        var plan = _s.Plan(Set("variableset-Projects-1", Sensitive("p", "Db.Password")),
            Set("variableset-Projects-101", Sensitive("dest-p", "Db.Password")));

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        var recorded = Assert.Single(plan.Change.StateUpdates.OfType<Engine.State.StateUpdate.SetVariable>()).Values;
        Assert.Equal("dest-p", Assert.Single(recorded).DestinationId);
    }

    [Fact]
    public void An_existing_sensitive_value_keeps_its_Id_and_is_sent_without_a_value_when_its_scope_changes()
    {
        var first = _s.Plan(Set("variableset-Projects-1", Sensitive("p", "Db.Password")), Set("variableset-Projects-101"));
        var destination = VariableScenario.Apply(first);
        var id = destination.Arr("Variables").Objects().Single().Str("Id");

        var second = _s.Plan(Set("variableset-Projects-1", Sensitive("p", "Db.Password", Role("db"))), destination,
            state: VariableScenario.Record(first, null));

        var written = Assert.Single(second.Change.After!.Arr("Variables").Objects());
        Assert.Equal(ChangeAction.Update, second.Change.Action);
        Assert.Equal(id, written.Str("Id"));
        Assert.Null(written["Value"]);
        Assert.Equal(["db"], written.Obj("Scope")!.Strings("Role"));
        Assert.Empty(second.Cleanup);
    }

    [Fact]
    public void A_secret_never_reaches_the_plan()
    {
        // The API never returns a secret; should one be present anyway, it must still not be copied or shown.
        var source = Set("variableset-Projects-1", Typed("p", "Db.Password", "hunter2", "Sensitive", Env(_production)));

        var plan = _s.Plan(source, Set("variableset-Projects-101"));

        var text = plan.Change.After!.ToJsonString() + JsonSerializer.Serialize(plan.Change.Details) + JsonSerializer.Serialize(plan.Cleanup)
            + JsonSerializer.Serialize(plan.Diagnostics) + JsonSerializer.Serialize(plan.Change.StateUpdates.Cast<object>());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("***", plan.Change.Details[0].Item, StringComparison.Ordinal);
    }
}
