using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>Spec §6, rows "gone from the source", per step: deleted, renamed (an update in place), skipped by a changed rule.</summary>
public class StepGoneTests
{
    private static JsonObject Deploy(string body = "v1", string name = "Deploy web", string idPrefix = "src") =>
        ProcessFixture.Step(name, a => a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = body, idPrefix);

    /// <summary>The state after OctoSync wrote (adopted) <c>Deploy web</c> and <c>Notify</c>.</summary>
    private static SyncState Written()
    {
        var plan = new ProcessScenario
        {
            Source = [Deploy(), ProcessFixture.Step("Notify")],
            Destination = [Deploy(idPrefix: "dst"), ProcessFixture.Step("Notify", idPrefix: "dst")],
        }.Plan();
        return SyncState.Empty("prod").With(plan.Change.StateUpdates);
    }

    public static TheoryData<string, OverwriteMode, ChangeAction, bool> Cells => new()
    {
        { "v1", OverwriteMode.Never, ChangeAction.Leave, false },
        { "v1", OverwriteMode.Unchanged, ChangeAction.Delete, false },
        { "v1", OverwriteMode.Always, ChangeAction.Delete, false },
        { "edited", OverwriteMode.Never, ChangeAction.Leave, true },
        { "edited", OverwriteMode.Unchanged, ChangeAction.Leave, true },
        { "edited", OverwriteMode.Always, ChangeAction.Delete, true },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_step_deleted_on_the_source_follows_the_gone_rows(string destinationBody, OverwriteMode overwrite, ChangeAction expected, bool drift)
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Notify")],
            Destination = [Deploy(destinationBody, idPrefix: "dst"), ProcessFixture.Step("Notify", idPrefix: "dst")],
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = overwrite } },
            State = Written(),
        }.Plan();

        var detail = plan.Detail("Deploy web");
        Assert.Equal((expected, drift), (detail.Action, detail.IsDrift));
        Assert.Equal(expected == ChangeAction.Delete ? ["Notify"] : ["Deploy web", "Notify"], plan.Names());
        var forgotten = plan.Change.StateUpdates.OfType<StateUpdate.RemoveObject>().Any(r => r.Key == "Step:OctoFx/Deploy web");
        Assert.Equal(expected == ChangeAction.Delete, forgotten);
    }

    [Fact]
    public void A_step_OctoSync_never_wrote_is_kept_by_the_default_rule_never_removed()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Notify")],
            Destination = [Deploy(idPrefix: "dst"), ProcessFixture.Step("Notify", idPrefix: "dst")],
            State = SyncState.Empty("prod"),
        }.Plan();

        Assert.Equal((ChangeAction.Leave, "rules.steps.destinationOnlySteps: keep"), (plan.Detail("Deploy web").Action, plan.Detail("Deploy web").Rule));
    }

    [Fact]
    public void A_step_renamed_on_the_source_updates_the_step_OctoSync_wrote_in_place_and_moves_its_state()
    {
        var renamed = Deploy(name: "Deploy web app");
        renamed["Id"] = "src-step-Deploy web"; // the same source step, renamed (with its one action)
        var plan = new ProcessScenario
        {
            Source = [renamed, ProcessFixture.Step("Notify")],
            Destination = [Deploy(idPrefix: "dst"), ProcessFixture.Step("Notify", idPrefix: "dst")],
            State = Written(),
        }.Plan();

        Assert.Equal(["Deploy web app", "Notify"], plan.Names());
        Assert.Equal("dst-step-Deploy web", plan.Step("Deploy web app").Id());
        Assert.Equal("dst-action-Deploy web", plan.Action("Deploy web app").Id());
        Assert.Equal(ChangeAction.Update, plan.Detail("Deploy web app").Action);
        Assert.Contains(plan.Change.StateUpdates, u => u is StateUpdate.RemoveObject { Key: "Step:OctoFx/Deploy web" });
        var moved = plan.Change.StateUpdates.OfType<StateUpdate.SetObject>().Single(u => u.Key == "Step:OctoFx/Deploy web app");
        Assert.Equal(("src-step-Deploy web", "Deploy web app"), (moved.State.SourceId, moved.State.SourceName));
    }

    [Fact]
    public void Steps_record_their_source_identity_and_the_fields_they_were_written_with()
    {
        var entry = Written().Objects["Step:OctoFx/Deploy web"];

        Assert.Equal(("src-step-Deploy web", "Deploy web"), (entry.SourceId, entry.SourceName));
        Assert.Contains("Actions.Properties", entry.Fields!);
        Assert.Contains("Condition", entry.Fields!);
    }

    [Fact]
    public void An_action_a_person_added_to_a_step_OctoSync_owns_is_kept_and_is_not_drift()
    {
        var withOwnAction = Deploy(idPrefix: "dst");
        withOwnAction.Arr("Actions").Add(ProcessFixture.Step("Page on-call", idPrefix: "dst").Arr("Actions")[0]!.DeepClone());

        var plan = new ProcessScenario
        {
            Source = [Deploy("v2"), ProcessFixture.Step("Notify")],
            Destination = [withOwnAction, ProcessFixture.Step("Notify", idPrefix: "dst")],
            State = Written(),
        }.Plan();

        var detail = plan.Detail("Deploy web");
        Assert.Equal((ChangeAction.Update, false), (detail.Action, detail.IsDrift));
        Assert.Equal(["Deploy web", "Page on-call"], plan.Step("Deploy web").Arr("Actions").Objects().Select(a => a.Name()));
    }

    [Fact]
    public void Destination_only_steps_remove_also_removes_a_destination_only_action_of_a_step_that_is_otherwise_up_to_date()
    {
        var withOwnAction = Deploy(idPrefix: "dst");
        withOwnAction.Arr("Actions").Add(ProcessFixture.Step("Page on-call", idPrefix: "dst").Arr("Actions")[0]!.DeepClone());

        var plan = new ProcessScenario
        {
            Source = [Deploy(), ProcessFixture.Step("Notify")],
            Destination = [withOwnAction, ProcessFixture.Step("Notify", idPrefix: "dst")],
            Rules = new SyncRules { Steps = new StepRules { DestinationOnlySteps = DestinationOnlyStepsMode.Remove } },
            State = Written(),
        }.Plan();

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(["Deploy web"], plan.Step("Deploy web").Arr("Actions").Objects().Select(a => a.Name()));
        Assert.Contains(plan.Change.Details, d => d.Action == ChangeAction.Delete && d.Item.EndsWith("action \"Page on-call\"", StringComparison.Ordinal));
        var whole = new Plan { Destination = "prod", SourceSpace = "s", DestinationSpace = "d", Changes = [plan.Change] };
        Assert.Equal(1, whole.DeleteCount);
    }

    [Fact]
    public void Under_overwrite_never_the_destinations_step_order_is_kept_and_a_new_step_follows_its_source_predecessor()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Notify"), Deploy(), ProcessFixture.Step("New step")],
            Destination = [Deploy(idPrefix: "dst"), ProcessFixture.Step("Notify", idPrefix: "dst")],
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = OverwriteMode.Never } },
            State = Written(),
        }.Plan();

        Assert.Equal(["Deploy web", "New step", "Notify"], plan.Names());
    }
}
