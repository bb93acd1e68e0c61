using System.Text.Json;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;
using OctoSync.Engine.Tests.Planning.Variables.Support;
using static OctoSync.Engine.Tests.Planning.Variables.Support.Vars;

namespace OctoSync.Engine.Tests.Planning.Variables;

/// <summary>How values are matched across runs: in-place updates, adoption, destination-only values, determinism.</summary>
public class RecurringSyncBehaviourTests
{
    private readonly VariableScenario _s = new();
    private readonly string _production;

    public RecurringSyncBehaviourTests()
    {
        _s.Source.Project("OctoFx");
        _production = _s.Source.Environment("Production");
        _s.Destination.Project("OctoFx");
        _s.Destination.Environment("Production");
    }

    [Fact]
    public void A_scope_change_updates_the_value_in_place_instead_of_adding_one()
    {
        var (destination, state) = Run(Set("vs", Value("x", "X", "1", Env(_production))));
        var id = destination.Arr("Variables").Objects().Single().Id();

        var plan = _s.Plan(Set("vs", Value("x", "X", "1", Env(_production), Role("web"))), destination, state: state);

        var written = Assert.Single(plan.Change.After!.Arr("Variables").Objects());
        Assert.Equal(id, written.Id());
        Assert.Equal(["X | 1 | Production; web (role)"], _s.Table(plan.Change.After));
        Assert.Equal(ChangeAction.Update, Assert.Single(plan.Change.Details).Action);
    }

    [Fact]
    public void An_equal_value_already_on_the_destination_is_adopted_and_tracked_from_then_on()
    {
        var destination = Set("variableset-Projects-101", Value("person", "X", "1", Env(_s.Translator().Destination.IdOf(ResourceKind.Environment, "Production")!)));

        var plan = _s.Plan(Set("vs", Value("x", "X", "1", Env(_production))), destination);

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        var recorded = Assert.Single(Assert.Single(plan.Change.StateUpdates.OfType<StateUpdate.SetVariable>()).Values);
        Assert.Equal(("x", "person"), (recorded.SourceId, recorded.DestinationId));
        // From now on an edit of that value is drift.
        destination.Arr("Variables").Objects().Single()["Value"] = "edited";
        var next = _s.Plan(Set("vs", Value("x", "X", "1", Env(_production))), destination, state: VariableScenario.Record(plan, null));
        Assert.True(Assert.Single(next.Change.Details).IsDrift);
    }

    [Fact]
    public void Values_a_person_added_are_kept_whole_and_are_not_drift()
    {
        var (destination, state) = Run(Set("vs", Value("x", "X", "1")));
        var added = Value("person", "X", "prod", Env(_s.Translator().Destination.IdOf(ResourceKind.Environment, "Production")!));
        added["Description"] = "set by ops";
        destination.Arr("Variables").Add(added);
        destination.Arr("Variables").Add(Value("person-2", "Ops.Only", "o"));

        var plan = _s.Plan(Set("vs", Value("x", "X", "2")), destination, state: state);

        Assert.Equal(ChangeAction.Update, Assert.Single(plan.Change.Details).Action);
        Assert.False(plan.Change.Details.Single().IsDrift);
        var after = plan.Change.After!.Arr("Variables").Objects().ToList();
        Assert.Equal(added.ToJsonString(), after[1].ToJsonString());
        Assert.Equal("Ops.Only", after[2].Name());
    }

    [Fact]
    public void A_value_removed_from_the_source_and_unchanged_on_the_destination_is_removed_and_forgotten()
    {
        var (destination, state) = Run(Set("vs", Value("x", "X", "1"), Value("y", "Y", "2")));

        var plan = _s.Plan(Set("vs", Value("x", "X", "1")), destination, state: state);

        Assert.Equal(["X"], plan.Change.After!.Arr("Variables").Objects().Select(v => v.Name()));
        var removed = plan.Change.Details.Single(d => d.Item.StartsWith('Y'));
        Assert.Equal((ChangeAction.Delete, "default"), (removed.Action, removed.Rule));
        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        var forget = plan.Change.StateUpdates.OfType<StateUpdate.SetVariable>().Single(u => u.Key == "Project:OctoFx/Y");
        Assert.Empty(forget.Values);
    }

    [Fact]
    public void A_value_removed_from_the_source_but_edited_on_the_destination_is_left_as_drift_and_remembered_so_it_is_reported_again()
    {
        var (destination, state) = Run(Set("vs", Value("x", "X", "1"), Value("y", "Y", "2")));
        destination.Arr("Variables").Objects().Single(v => v.Name() == "Y")["Value"] = "edited";

        var plan = _s.Plan(Set("vs", Value("x", "X", "1")), destination, state: state);

        Assert.Equal(2, plan.Change.After!.Arr("Variables").Count);
        var left = plan.Change.Details.Single(d => d.Item.StartsWith('Y'));
        Assert.Equal(ChangeAction.Leave, left.Action);
        Assert.True(left.IsDrift);
        Assert.False(plan.Change.Writes);
        var kept = plan.Change.StateUpdates.OfType<StateUpdate.SetVariable>().Single(u => u.Key == "Project:OctoFx/Y");
        Assert.Single(kept.Values);
    }

    [Theory]
    [InlineData(OverwriteMode.Never, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Delete)]
    [InlineData(OverwriteMode.Always, ChangeAction.Delete)]
    public void A_value_removed_from_the_source_follows_the_overwrite_policy(OverwriteMode overwrite, ChangeAction expected)
    {
        var rules = new VariableRules { Overwrite = overwrite };
        var (destination, state) = Run(Set("vs", Value("x", "X", "1"), Value("y", "Y", "2")), rules);

        var plan = _s.Plan(Set("vs", Value("x", "X", "1")), destination, rules, state);

        Assert.Equal(expected, plan.Change.Details.Single(d => d.Item.StartsWith('Y')).Action);
    }

    [Fact]
    public void Values_rewritten_with_new_ids_are_matched_by_name_and_text_when_the_scope_changed_and_by_name_and_scope_when_the_text_changed()
    {
        var (destination, state) = Run(Set("vs", Value("a", "A", "text", Env(_production)), Value("b", "B", "old")));
        var ids = destination.Arr("Variables").Objects().ToDictionary(v => v.Name(), v => v.Id());

        var plan = _s.Plan(Set("vs", Value("a2", "A", "text", Env(_production), Role("web")), Value("b2", "B", "new")), destination, state: state);

        var after = plan.Change.After!.Arr("Variables").Objects().ToList();
        Assert.Equal(2, after.Count);
        Assert.Equal(ids["A"], after.Single(v => v.Name() == "A").Id());
        Assert.Equal(ids["B"], after.Single(v => v.Name() == "B").Id());
        Assert.Equal(["A | text | Production; web (role)", "B | new | "], _s.Table(plan.Change.After));
        Assert.All(plan.Change.Details, d => Assert.Equal(ChangeAction.Update, d.Action));
    }

    [Fact]
    public void New_only_creates_new_values_but_leaves_existing_ones_as_they_are()
    {
        var staging = _s.Source.Environment("Staging");
        var rules = new VariableRules { ScopeMatch = ScopeMatch.NewOnly };
        var (destination, state) = Run(Set("vs", Value("x", "X", "1", Env(staging, _production))), rules);
        Assert.Equal(["X | 1 | Production"], _s.Table(destination));

        var plan = _s.Plan(Set("vs", Value("x", "X", "2", Env(staging, _production))), destination, rules, state);

        var detail = Assert.Single(plan.Change.Details);
        Assert.Equal((ChangeAction.Leave, "rules.variables.scopeMatch: new-only"), (detail.Action, detail.Rule));
        Assert.False(plan.Change.Writes);
    }

    [Fact]
    public void New_only_is_decided_per_variable_a_variable_a_person_has_on_the_destination_gets_no_value_added()
    {
        var dev = _s.Source.Environment("Development");
        var rules = new VariableRules { ScopeMatch = ScopeMatch.NewOnly, WhenNoEnvironmentLeft = WhenNoEnvironmentLeft.Unscope };
        var destination = Set("variableset-Projects-101", Value("person", "X", "prod", Env(_s.Translator().Destination.IdOf(ResourceKind.Environment, "Production")!)));

        var plan = _s.Plan(Set("vs", Value("x", "X", "1", Env(_production)), Value("x-dev", "X", "dev", Env(dev))), destination, rules);

        Assert.False(plan.Change.Writes);
        Assert.Equal(2, plan.Change.Details.Count);
        Assert.All(plan.Change.Details, d => Assert.Equal((ChangeAction.Leave, "rules.variables.scopeMatch: new-only"), (d.Action, d.Rule)));
        Assert.Equal(["X | prod | Production"], _s.Table(plan.Change.After));
    }

    [Fact]
    public void The_same_input_plans_the_same_change_including_new_ids()
    {
        var source = Set("vs", Value("x", "X", "1", Env(_production)), Sensitive("p", "P"), Value("y", "Y", "#{X}"));

        var first = _s.Plan(source, Set("variableset-Projects-101"));
        var second = _s.Plan(source.Clone(), Set("variableset-Projects-101"));

        Assert.Equal(first.Change.After!.ToJsonString(), second.Change.After!.ToJsonString());
        Assert.Equal(JsonSerializer.Serialize(first.Change.Details), JsonSerializer.Serialize(second.Change.Details));
        Assert.Equal(
            first.Change.StateUpdates.OfType<StateUpdate.SetVariable>().SelectMany(u => u.Values),
            second.Change.StateUpdates.OfType<StateUpdate.SetVariable>().SelectMany(u => u.Values));
        Assert.All(first.Change.After.Arr("Variables").Objects(), v => Assert.True(Guid.TryParse(v.Id(), out _)));
        Assert.Equal(3, first.Change.After.Arr("Variables").Objects().Select(v => v.Id()).Distinct().Count());
    }

    [Fact]
    public void A_new_owner_gets_a_minimal_set_and_ignores_old_state()
    {
        var (_, state) = Run(Set("vs", Value("x", "X", "1")));

        var plan = _s.Plan(Set("vs", Value("x", "X", "1")), null, state: state);

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.VariableSet, VariableScenario.Key), plan.Change.DestinationId);
        Assert.Equal(ReferenceToken.For(ResourceKind.Project, "OctoFx"), plan.Change.After!.Str("OwnerId"));
        Assert.Equal(["X | 1 | "], _s.Table(plan.Change.After));
        Assert.Null(plan.Change.Before);
    }

    [Fact]
    public void A_third_run_with_nothing_changed_writes_nothing()
    {
        var source = Set("vs", Value("x", "X", "1", Env(_production)), Sensitive("p", "P"), Value("y", "Y", "a", Role("web")));
        var (destination, state) = Run(source);

        var plan = _s.Plan(source, destination, state: state);

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        Assert.All(plan.Change.Details, d => Assert.Equal(ChangeAction.None, d.Action));
    }

    private (System.Text.Json.Nodes.JsonObject Destination, SyncState State) Run(System.Text.Json.Nodes.JsonObject source, VariableRules? rules = null)
    {
        var plan = _s.Plan(source, Set("variableset-Projects-101"), rules);
        return (VariableScenario.Apply(plan), VariableScenario.Record(plan, null));
    }
}
