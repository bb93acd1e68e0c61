using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>How source steps are written over the destination's process: order, Ids, unknown fields, secrets.</summary>
public class StepMergeTests
{
    private static JsonObject Dest(string name, Action<JsonObject>? configure = null) => ProcessFixture.Step(name, configure, "dst");

    public static TheoryData<string[], string[], DestinationOnlyStepsMode, string[]> Orders => new()
    {
        { ["A", "B", "C"], ["A", "X", "B"], DestinationOnlyStepsMode.Keep, ["A", "X", "B", "C"] },
        { ["A", "B", "C"], ["Y", "A", "X", "Z", "C"], DestinationOnlyStepsMode.Keep, ["Y", "A", "X", "Z", "B", "C"] },
        { ["A", "B"], ["B", "X", "A"], DestinationOnlyStepsMode.Keep, ["A", "B", "X"] },
        { ["A", "B", "C"], ["A", "X", "B"], DestinationOnlyStepsMode.Remove, ["A", "B", "C"] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Destination_only_steps_keep_their_place_or_are_removed(string[] source, string[] destination, DestinationOnlyStepsMode mode, string[] expected)
    {
        var plan = new ProcessScenario
        {
            Source = [.. source.Select(n => ProcessFixture.Step(n))],
            Destination = [.. destination.Select(n => Dest(n))],
            Rules = new SyncRules { Steps = new StepRules { DestinationOnlySteps = mode } },
        }.Plan();

        Assert.Equal(expected, plan.Names());
        var own = plan.Detail(destination.Except(source).First());
        Assert.Equal(mode == DestinationOnlyStepsMode.Keep ? ChangeAction.Leave : ChangeAction.Delete, own.Action);
        Assert.Equal($"rules.steps.destinationOnlySteps: {(mode == DestinationOnlyStepsMode.Keep ? "keep" : "remove")}", own.Rule);
    }

    [Fact]
    public void Kept_destination_only_steps_alone_leave_nothing_to_do()
    {
        var plan = new ProcessScenario { Source = [ProcessFixture.Step("A")], Destination = [Dest("Own"), Dest("A")] }.Plan();

        Assert.Equal(ChangeAction.None, plan.Change.Action);
        Assert.Equal(ChangeAction.Leave, plan.Detail("Own").Action);
        Assert.Equal(ChangeAction.None, plan.Detail("A").Action);
    }

    [Fact]
    public void Matched_steps_keep_destination_ids_and_unknown_fields_new_steps_get_no_id()
    {
        var destination = Dest("Deploy web", a =>
        {
            a["FutureField"] = "kept";
            a["Packages"] = new JsonArray(new JsonObject { ["Id"] = "dst-package", ["Name"] = "", ["PackageId"] = "Web", ["FeedId"] = "Feeds-41" });
        });
        destination["StepFutureField"] = 42;
        var (plan, translator) = new ProcessScenario
        {
            Source =
            [
                ProcessFixture.Step("Deploy web", a =>
                {
                    a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "echo changed";
                    a["Packages"] = new JsonArray(new JsonObject { ["Id"] = "src-package", ["Name"] = "", ["PackageId"] = "Web", ["FeedId"] = "Feeds-1" });
                }),
                ProcessFixture.Step("Notify"),
            ],
            Destination = [destination],
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = OverwriteMode.Always } },
        }.Run();

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        var step = plan.Step("Deploy web");
        var action = plan.Action("Deploy web");
        Assert.Equal("dst-step-Deploy web", step.Str("Id"));
        Assert.Equal(42, step["StepFutureField"]!.GetValue<int>());
        Assert.Equal("dst-action-Deploy web", action.Str("Id"));
        Assert.Equal("kept", action.Str("FutureField"));
        Assert.Equal("echo changed", action.Obj("Properties")!.Str("Octopus.Action.Script.ScriptBody"));
        Assert.Equal("dst-package", action.Arr("Packages").Objects().Single().Str("Id"));
        Assert.False(plan.Step("Notify").ContainsKey("Id"));
        Assert.False(plan.Action("Notify").ContainsKey("Id"));
        Assert.Equal("dst-action-Deploy web", translator.Translate(ResourceKind.Action, "src-action-Deploy web"));
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Notify"), translator.Translate(ResourceKind.Action, "src-action-Notify"));
    }

    [Fact]
    public void A_new_sensitive_property_gets_the_placeholder_and_a_cleanup_item()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web", a => a.Obj("Properties")!["Api.Key"] = new JsonObject { ["HasValue"] = true })],
            Rules = new SyncRules { Variables = new VariableRules { Placeholder = "CHANGE ME" } },
        }.Plan();

        var secret = plan.Action("Deploy web").Obj("Properties")!.Obj("Api.Key")!;
        Assert.True(secret.Bool("HasValue"));
        Assert.Equal("CHANGE ME", secret.Str("NewValue"));
        var item = Assert.Single(plan.Cleanup);
        Assert.Contains("Api.Key", item.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_sensitive_property_keeps_the_destinations_secret()
    {
        static void Secret(JsonObject a) => a.Obj("Properties")!["Api.Key"] = new JsonObject { ["HasValue"] = true, ["Hint"] = "…" };
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web", a => { Secret(a); a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = "echo v2"; })],
            Destination = [Dest("Deploy web", Secret)],
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = OverwriteMode.Always } },
        }.Plan();

        Assert.Equal(ChangeAction.Update, plan.Detail("Deploy web").Action);
        var secret = plan.Action("Deploy web").Obj("Properties")!.Obj("Api.Key")!;
        Assert.True(secret.Bool("HasValue"));
        Assert.True(secret.ContainsKey("NewValue"));
        Assert.Null(secret["NewValue"]);
        Assert.Empty(plan.Cleanup);
    }

    [Fact]
    public void A_step_only_the_source_skips_but_the_destination_has_is_left_in_place()
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("QA sign-off", a => a["Environments"] = ProcessFixture.Ids("Environments-2")), ProcessFixture.Step("Deploy web")],
            Destination = [Dest("QA sign-off"), Dest("Deploy web")],
            Rules = new SyncRules { Steps = new StepRules { DestinationOnlySteps = DestinationOnlyStepsMode.Remove } },
        }.Plan();

        Assert.Equal(ChangeAction.Skip, plan.Detail("QA sign-off").Action);
        Assert.Equal(["QA sign-off", "Deploy web"], plan.Names());
    }

    [Fact]
    public void A_new_project_gets_its_process_written_to_the_token()
    {
        var plan = new ProcessScenario { Source = [ProcessFixture.Step("Deploy web")], Destination = null }.Plan();

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.DeploymentProcess, "OctoFx"), plan.Change.DestinationId);
        Assert.Equal(ReferenceToken.For(ResourceKind.DeploymentProcess, "OctoFx"), plan.Change.After!.Str("Id"));
        Assert.Equal(["Deploy web"], plan.Names());
    }
}
