using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>The process-level change (None / Leave / Update) and steps with several actions.</summary>
public class ProcessChangeTests
{
    private static JsonObject Dest(string name, Action<JsonObject>? configure = null) => ProcessFixture.Step(name, configure, "dst");

    /// <summary>A parent step with two child actions; <paramref name="childScope"/> scopes the second one.</summary>
    private static JsonObject Parent(string idPrefix, params string[] childScope)
    {
        var step = ProcessFixture.Step("Deploy", idPrefix: idPrefix);
        var child = ProcessFixture.Step("Warm up", a => a["Environments"] = ProcessFixture.Ids(childScope), idPrefix).Arr("Actions").Objects().Single();
        step.Arr("Actions").Add(child.DeepClone());
        return step;
    }

    [Fact]
    public void Identical_steps_with_other_ids_are_None()
    {
        var plan = new ProcessScenario { Source = [ProcessFixture.Step("A"), ProcessFixture.Step("B")], Destination = [Dest("A"), Dest("B")] }.Plan();

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        Assert.Null(plan.Change.After);
        Assert.Equal("default", plan.Change.Rule);
        Assert.Equal(2, plan.Change.StateUpdates.Count);
    }

    [Fact]
    public void Only_left_steps_differing_makes_the_change_Leave()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("A", a => a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "echo new")],
            Destination = [Dest("A")],
        }.Plan();

        Assert.Equal(ChangeAction.Leave, plan.Detail("A").Action);
        Assert.Equal(ChangeAction.Leave, plan.Change.Action);
        Assert.Equal("rules.variables.overwrite: unchanged", plan.Change.Rule);
        Assert.Null(plan.Change.After);
    }

    [Fact]
    public void A_field_only_the_destination_has_is_not_drift()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("A")],
            Destination = [Dest("A", a => a["StepPackageVersion"] = "1.2.3")],
        }.Plan();

        Assert.Equal(ChangeAction.None, plan.Detail("A").Action);
        Assert.Equal(ChangeAction.None, plan.Change.Action);
    }

    [Fact]
    public void A_child_action_scoped_to_an_excluded_environment_is_skipped_alone()
    {
        var (plan, translator) = new ProcessScenario { Source = [Parent("src", "Environments-2")] }.Run();

        Assert.Equal(ChangeAction.Create, plan.Detail("Deploy").Action);
        var child = plan.Change.Details.Single(d => d.Item == "step \"Deploy\" / action \"Warm up\"");
        Assert.Equal((ChangeAction.Skip, "rules.steps.excludedEnvironments: skip"), (child.Action, child.Rule));
        Assert.Equal(["Deploy"], plan.Step("Deploy").Arr("Actions").Objects().Select(a => a.Name()));
        Assert.Null(translator.Translate(ResourceKind.Action, "src-action-Warm up"));
    }

    [Theory]
    [InlineData(DestinationOnlyStepsMode.Keep, new[] { "Deploy", "Warm up" })]
    [InlineData(DestinationOnlyStepsMode.Remove, new[] { "Deploy" })]
    public void A_child_action_only_the_destination_has_follows_destinationOnlySteps(DestinationOnlyStepsMode mode, string[] expected)
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy", a => a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "echo v2")],
            Destination = [Parent("dst")],
            Rules = new SyncRules
            {
                Steps = new StepRules { DestinationOnlySteps = mode },
                Variables = new VariableRules { Overwrite = OverwriteMode.Always },
            },
        }.Plan();

        Assert.Equal(ChangeAction.Update, plan.Detail("Deploy").Action);
        Assert.Equal(expected, plan.Step("Deploy").Arr("Actions").Objects().Select(a => a.Name()));
        Assert.Equal(mode == DestinationOnlyStepsMode.Remove, plan.Change.Details.Any(d => d.Action == ChangeAction.Delete && d.Item.EndsWith("action \"Warm up\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_skipped_child_action_the_destination_has_is_its_own_and_never_removed()
    {
        var plan = new ProcessScenario
        {
            Source = [Parent("src", "Environments-2")],
            Destination = [Parent("dst")],
            Rules = new SyncRules
            {
                Steps = new StepRules { DestinationOnlySteps = DestinationOnlyStepsMode.Remove },
                Variables = new VariableRules { Overwrite = OverwriteMode.Always },
            },
        }.Plan();

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        Assert.Equal(["Deploy", "Warm up"], plan.Step("Deploy").Arr("Actions").Objects().Select(a => a.Name()));
        Assert.DoesNotContain(plan.Change.Details, d => d.Action == ChangeAction.Delete);
    }

    [Fact]
    public void A_reordered_source_reorders_the_destination()
    {
        var plan = new ProcessScenario { Source = [ProcessFixture.Step("B"), ProcessFixture.Step("A")], Destination = [Dest("A"), Dest("B")] }.Plan();

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(["B", "A"], plan.Names());
        Assert.All(plan.Change.Details, d => Assert.Equal(ChangeAction.None, d.Action));
    }
}
