using System.Text.Json;
using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Processes;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>Spec §6: the recurring-sync table, per step, under each <c>overwrite</c> policy.</summary>
public class StepThreeWayTests
{
    private const string StateKey = "Step:OctoFx/Deploy web";

    private static JsonObject Script(string body, string idPrefix = "src") =>
        ProcessFixture.Step("Deploy web", a => a.Obj("Properties")!["Octopus.Action.Script.ScriptBody"] = body, idPrefix);

    /// <summary>The fingerprint OctoSync records after writing the step with <paramref name="body"/>.</summary>
    private static string Written(string body)
    {
        var plan = new ProcessScenario { Source = [Script(body)], Destination = [Script(body, "dst")] }.Plan();
        Assert.Equal(ChangeAction.None, plan.Detail("Deploy web").Action);
        var update = Assert.IsType<StateUpdate.SetObject>(Assert.Single(plan.Change.StateUpdates));
        Assert.Equal(StateKey, update.Key);
        return update.State.Fingerprint;
    }

    public static TheoryData<string, OverwriteMode, ChangeAction, bool> Cells()
    {
        var data = new TheoryData<string, OverwriteMode, ChangeAction, bool>();
        void Row(string cell, ChangeAction never, ChangeAction unchanged, ChangeAction always, bool drift = false)
        {
            data.Add(cell, OverwriteMode.Never, never, drift);
            data.Add(cell, OverwriteMode.Unchanged, unchanged, drift);
            data.Add(cell, OverwriteMode.Always, always, drift);
        }

        Row("unchanged", ChangeAction.None, ChangeAction.None, ChangeAction.None);
        Row("source changed", ChangeAction.Leave, ChangeAction.Update, ChangeAction.Update);
        Row("drift", ChangeAction.Leave, ChangeAction.Leave, ChangeAction.Update, drift: true);
        Row("deleted on destination", ChangeAction.Leave, ChangeAction.Leave, ChangeAction.Create);
        Row("no base, differs", ChangeAction.Leave, ChangeAction.Leave, ChangeAction.Update);
        Row("new", ChangeAction.Create, ChangeAction.Create, ChangeAction.Create);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_table(string cell, OverwriteMode overwrite, ChangeAction expected, bool drift)
    {
        var (source, destination, hasBase) = cell switch
        {
            "unchanged" => ("v1", "v1", true),
            "source changed" => ("v2", "v1", true),
            "drift" => ("v1", "edited", true),
            "deleted on destination" => ("v1", null, true),
            "no base, differs" => ("v1", "edited", false),
            _ => ("v1", (string?)null, false),
        };
        var state = SyncState.Empty("prod");
        if (hasBase)
        {
            state = state.With([new StateUpdate.SetObject(StateKey, new ObjectState(Written("v1")))]);
        }

        var plan = new ProcessScenario
        {
            Source = [Script(source)],
            Destination = destination is null ? [] : [Script(destination, "dst")],
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = overwrite } },
            State = state,
        }.Plan();

        var detail = plan.Detail("Deploy web");
        Assert.Equal(expected, detail.Action);
        Assert.Equal(drift, detail.IsDrift);
        var writes = expected is ChangeAction.Create or ChangeAction.Update;
        Assert.Equal(writes ? ChangeAction.Update : expected, plan.Change.Action);
        // A step left alone keeps its old base (drift stays drift); one OctoSync never wrote records nothing.
        var update = plan.Change.StateUpdates.OfType<StateUpdate.SetObject>().SingleOrDefault();
        Assert.Equal(expected == ChangeAction.Leave && !hasBase, update is null);
        if (expected == ChangeAction.Leave && hasBase)
        {
            Assert.Equal(Written("v1"), update!.State.Fingerprint);
        }
        var body = plan.Steps().SingleOrDefault()?.Arr("Actions").Objects().Single().Obj("Properties")!.Str("Octopus.Action.Script.ScriptBody");
        Assert.Equal(writes ? source : destination, body);
        if (expected == ChangeAction.Leave)
        {
            Assert.Equal($"rules.variables.overwrite: {(overwrite == OverwriteMode.Never ? "never" : "unchanged")}", plan.Change.Rule);
        }
    }

    [Fact]
    public void What_was_written_reads_back_as_unchanged_on_the_next_run()
    {
        // First run: a new step whose feed this plan creates (a token) and a secret (the placeholder).
        static JsonObject Source() => ProcessFixture.Step("Deploy web", a =>
        {
            a["Packages"] = new JsonArray(new JsonObject { ["Id"] = "p", ["Name"] = "", ["PackageId"] = "Web", ["FeedId"] = "Feeds-1" });
            a.Obj("Properties")!["Api.Key"] = new JsonObject { ["HasValue"] = true };
        });
        var first = new ProcessScenario
        {
            Source = [Source()],
            Teach = t => { t.Map(ResourceKind.Feed, "NuGet", "NuGet 2"); t.PlanCreate(ResourceKind.Feed, "NuGet 2"); },
        }.Plan();
        Assert.Equal(ChangeAction.Create, first.Detail("Deploy web").Action);
        var state = SyncState.Empty("prod").With(first.Change.StateUpdates);

        // What the server holds after apply: real ids, the secret unreadable.
        var json = first.Change.After!.Arr("Steps").ToJsonString()
            .Replace(ReferenceToken.For(ResourceKind.Feed, "NuGet 2"), "Feeds-99", StringComparison.Ordinal);
        var applied = JsonNode.Parse(json)!.AsArray().Objects().Select(s => s.Clone()).ToList();
        applied[0]["Id"] = "step-1";
        var action = applied[0].Arr("Actions").Objects().Single();
        action["Id"] = "action-1";
        action.Obj("Properties")!["Api.Key"] = new JsonObject { ["HasValue"] = true, ["Hint"] = null };

        var second = new ProcessScenario
        {
            Source = [Source()],
            Destination = applied,
            State = state,
            Teach = t => t.Map(ResourceKind.Feed, "NuGet", "NuGet 2"),
            EditDestination = d => d with { Feeds = [.. d.Feeds, new JsonObject { ["Id"] = "Feeds-99", ["Name"] = "NuGet 2" }] },
        }.Plan();

        Assert.Equal(ChangeAction.None, second.Detail("Deploy web").Action);
        Assert.Equal(ChangeAction.None, second.Change.Action);
        Assert.Empty(second.Cleanup);
    }

    [Fact]
    public void Planning_is_deterministic()
    {
        static string Run()
        {
            var plan = new ProcessScenario
            {
                Source = [Script("v2"), ProcessFixture.Step("QA sign-off", a => a["Environments"] = ProcessFixture.Ids("Environments-2"))],
                Destination = [ProcessFixture.Step("Own step", idPrefix: "dst"), Script("v1", "dst")],
                State = SyncState.Empty("prod").With([new StateUpdate.SetObject(StateKey, new ObjectState(Written("v1")))]),
            }.Plan();
            return JsonSerializer.Serialize(new
            {
                After = plan.Change.After?.ToJsonString(),
                plan.Change.Action,
                plan.Change.Reason,
                Details = plan.Change.Details.Select(d => $"{d.Item}|{d.Action}|{d.Rule}|{d.Reason}|{d.IsDrift}"),
                State = plan.Change.StateUpdates.Select(u => u.ToString()),
            });
        }

        var first = Run();
        Assert.Contains("Own step", first, StringComparison.Ordinal);
        Assert.Equal(first, Run());
    }
}
