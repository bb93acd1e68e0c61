using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>Spec §5.4: a step whose environment or channel scope maps to nothing on the destination.</summary>
public class StepScopingTests
{
    private static JsonObject QaSignOff() => ProcessFixture.Step("QA sign-off", a => a["Environments"] = ProcessFixture.Ids("Environments-2"));

    /// <summary>The seed's four answers for the QA manual intervention step scoped to Test (Dev/Test → Staging/Production).</summary>
    public static TheoryData<string, ExcludedEnvironmentsMode, string[], string[]?, string> QaAnswers => new()
    {
        { "1. yes, QA tests in Staging", ExcludedEnvironmentsMode.Rescope, ["Staging"], ["Environments-11"], "rules.steps.excludedEnvironments: rescope" },
        { "2. no, QA tests only in Test", ExcludedEnvironmentsMode.Skip, [], null, "rules.steps.excludedEnvironments: skip" },
        { "3. yes, sign-off before Production", ExcludedEnvironmentsMode.Rescope, ["Staging"], ["Environments-11"], "rules.steps.excludedEnvironments: rescope" },
        { "4. yes, everywhere after Development", ExcludedEnvironmentsMode.Unscope, [], [], "rules.steps.excludedEnvironments: unscope" },
    };

    [Theory]
    [MemberData(nameof(QaAnswers))]
    public void The_seeds_four_answers_for_the_QA_step(string answer, ExcludedEnvironmentsMode mode, string[] rescopeTo, string[]? expectedEnvironments, string expectedRule)
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web"), QaSignOff()],
            Rules = new SyncRules { Steps = ProcessScenario.Steps(mode, rescopeTo) },
        }.Plan();

        var detail = plan.Detail("QA sign-off");
        Assert.Equal(expectedRule, detail.Rule);
        if (expectedEnvironments is null)
        {
            Assert.Equal(ChangeAction.Skip, detail.Action);
            Assert.Equal(["Deploy web"], plan.Names());
        }
        else
        {
            Assert.Equal(ChangeAction.Create, detail.Action);
            Assert.Equal(expectedEnvironments, plan.Action("QA sign-off").Strings("Environments"));
        }

        Assert.Empty(plan.Diagnostics);
        Assert.False(string.IsNullOrEmpty(answer));
    }

    [Fact]
    public void A_per_step_override_beats_the_rule_for_every_step()
    {
        var overrides = new Dictionary<string, StepOverride>(StringComparer.OrdinalIgnoreCase)
        {
            ["QA sign-off"] = new() { ExcludedEnvironments = ExcludedEnvironmentsMode.Rescope, RescopeTo = ["Staging"] },
        };
        var plan = new ProcessScenario
        {
            Source = [QaSignOff(), ProcessFixture.Step("Smoke test", a => a["Environments"] = ProcessFixture.Ids("Environments-2"))],
            Rules = new SyncRules { Steps = new StepRules { Overrides = overrides } },
        }.Plan();

        Assert.Equal("rules.steps.overrides[\"QA sign-off\"].excludedEnvironments: rescope", plan.Detail("QA sign-off").Rule);
        Assert.Equal(["Environments-11"], plan.Action("QA sign-off").Strings("Environments"));
        Assert.Equal(ChangeAction.Skip, plan.Detail("Smoke test").Action);
        Assert.Equal("rules.steps.excludedEnvironments: skip", plan.Detail("Smoke test").Rule);
    }

    [Fact]
    public void A_mapped_environment_is_translated_and_no_rule_applies()
    {
        var plan = new ProcessScenario
        {
            Source = [QaSignOff()],
            Teach = t => t.Map(ResourceKind.Environment, "Test", "Staging"),
        }.Plan();

        Assert.Equal(["Environments-11"], plan.Action("QA sign-off").Strings("Environments"));
        Assert.Equal("default", plan.Detail("QA sign-off").Rule);
    }

    [Fact]
    public void Rescope_to_an_environment_the_destination_lacks_is_an_error()
    {
        var plan = new ProcessScenario
        {
            Source = [QaSignOff()],
            Rules = new SyncRules { Steps = ProcessScenario.Steps(ExcludedEnvironmentsMode.Rescope, "UAT") },
        }.Plan();

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("UAT", error.Summary, StringComparison.Ordinal);
        Assert.Equal(ChangeAction.Skip, plan.Detail("QA sign-off").Action);
    }

    [Theory]
    [InlineData(new[] { "Environments-1", "Environments-2" }, new[] { "Environments-11" })]
    [InlineData(new[] { "Environments-1" }, new string[0])]
    public void ExcludedEnvironments_are_translated_and_lose_excluded_entries(string[] source, string[] expected)
    {
        var plan = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web", a => a["ExcludedEnvironments"] = ProcessFixture.Ids(source))],
            Teach = t => t.Map(ResourceKind.Environment, "Test", "Staging"),
        }.Plan();

        Assert.Equal(expected, plan.Action("Deploy web").Strings("ExcludedEnvironments"));
        Assert.Equal(ChangeAction.Create, plan.Detail("Deploy web").Action);
    }

    /// <summary>The seed's "Dev only" channel step that runs a runbook to spin up a temporary database.</summary>
    [Theory]
    [InlineData(MissingChannelsMode.Skip, ChangeAction.Skip, "rules.steps.missingChannels: skip")]
    [InlineData(MissingChannelsMode.Unscope, ChangeAction.Create, "rules.steps.missingChannels: unscope")]
    public void The_Dev_only_channel_step(MissingChannelsMode mode, ChangeAction expected, string expectedRule)
    {
        var plan = new ProcessScenario
        {
            Source =
            [
                ProcessFixture.Step("Create temporary database", a => a["Channels"] = ProcessFixture.Ids("Channels-2")),
                ProcessFixture.Step("Deploy web", a => a["Channels"] = ProcessFixture.Ids("Channels-1", "Channels-2")),
            ],
            Rules = new SyncRules { Steps = new StepRules { MissingChannels = mode } },
        }.Plan();

        var detail = plan.Detail("Create temporary database");
        Assert.Equal(expected, detail.Action);
        Assert.Equal(expectedRule, detail.Rule);
        Assert.Equal(["Channels-31"], plan.Action("Deploy web").Strings("Channels"));
        if (expected == ChangeAction.Create)
        {
            Assert.Empty(plan.Action("Create temporary database").Strings("Channels"));
        }
        else
        {
            Assert.DoesNotContain("Create temporary database", plan.Names());
        }
    }

    [Fact]
    public void A_skipped_step_is_excluded_from_translation_and_a_new_one_is_a_token()
    {
        var (plan, translator) = new ProcessScenario
        {
            Source = [ProcessFixture.Step("Deploy web"), QaSignOff()],
        }.Run();

        Assert.Equal(ChangeAction.Update, plan.Change.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Deploy web"), translator.Translate(ResourceKind.Action, "src-action-Deploy web"));
        Assert.Null(translator.Translate(ResourceKind.Action, "src-action-QA sign-off"));
    }
}
