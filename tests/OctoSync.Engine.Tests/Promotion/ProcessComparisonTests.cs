using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Promotion;

namespace OctoSync.Engine.Tests.Promotion;

/// <summary>The plain-words comparison of a release's process snapshot with the destination's process (docs/promote.md).</summary>
public class ProcessComparisonTests
{
    private static JsonObject Process(params JsonObject[] steps) => new() { ["Steps"] = new JsonArray(steps) };

    private static JsonObject Step(string name, string[]? environments = null, bool disabled = false) => new()
    {
        ["Name"] = name,
        ["Actions"] = new JsonArray(new JsonObject
        {
            ["Name"] = name,
            ["IsDisabled"] = disabled,
            ["Environments"] = (environments ?? []).ToJsonArray(),
            ["ExcludedEnvironments"] = new JsonArray(),
        }),
    };

    private static Change Decision(params ChangeDetail[] details) => new()
    {
        Kind = ResourceKind.DeploymentProcess,
        Key = "OctoFx",
        Action = ChangeAction.Update,
        Rule = "default",
        Reason = "",
        Details = details,
    };

    private static ProcessComparison Compare(JsonObject release, Change? translated, JsonObject destination, JsonObject? source = null,
        (string, string)? environment = null) =>
        ProcessComparison.Compare("1.0.0", release, translated, destination, source ?? release, "prod", environment, id => id == "Environments-9" ? "Test" : id);

    [Fact]
    public void Identical_processes_have_no_differences()
    {
        var comparison = Compare(Process(Step("Deploy"), Step("Notify")), Decision(), Process(Step("Deploy"), Step("Notify")));

        Assert.True(comparison.Same);
        Assert.Empty(comparison.Differences);
        Assert.Equal("The release you tested ran 2 steps; prod will run the same 2 steps.", comparison.Headline);
    }

    [Fact]
    public void A_step_skipped_by_a_rule_names_the_rule_and_its_reason()
    {
        var comparison = Compare(Process(Step("Deploy"), Step("QA sign-off")),
            Decision(new ChangeDetail("step \"QA sign-off\"", ChangeAction.Skip, "rules.steps.excludedEnvironments: skip", "Scoped to Test, which is not on this destination; skipped.")),
            Process(Step("Deploy")));

        Assert.Equal("The release you tested ran 2 steps; prod will run 1:", comparison.Headline);
        Assert.Equal(["'QA sign-off' is skipped by rule rules.steps.excludedEnvironments: skip: Scoped to Test, which is not on this destination; skipped."], comparison.Differences);
    }

    [Fact]
    public void Steps_added_on_the_source_since_the_release_are_told_from_the_destinations_own()
    {
        var comparison = Compare(Process(Step("Deploy")), Decision(), Process(Step("Deploy"), Step("Migrate"), Step("Page on-call")),
            source: Process(Step("Deploy"), Step("Migrate")));

        Assert.Equal(
            ["'Migrate' was added on the source after release 1.0.0 was created; the destination runs it.", "'Page on-call' exists only on the destination."],
            comparison.Differences);
    }

    [Fact]
    public void A_step_changed_since_the_release_and_one_removed_from_the_source_are_reported()
    {
        var comparison = Compare(Process(Step("Deploy"), Step("Old check")),
            Decision(new ChangeDetail("step \"Deploy\"", ChangeAction.Update, "default", "Script body differs.")),
            Process(Step("Deploy")), source: Process(Step("Deploy")));

        Assert.Equal(
            ["'Deploy' has changed since release 1.0.0 was created: the destination runs the step as it is now (Script body differs.)",
             "'Old check' was in release 1.0.0 but has since been removed from the source's process."],
            comparison.Differences);
    }

    [Fact]
    public void Counted_in_the_environment_deployed_to_and_disabled_steps_do_not_run()
    {
        var release = Process(Step("Deploy"), Step("Smoke test", ["Environments-9"]), Step("Off", disabled: true));
        var comparison = Compare(release, Decision(), Process(Step("Deploy"), Step("Smoke test", ["Environments-2"]), Step("Off", disabled: true)),
            environment: ("Environments-3", "Production"));

        Assert.Equal("The release you tested ran 2 steps; Production will run 1:", comparison.Headline);
        Assert.Equal(["'Smoke test' does not run in Production (the release's step is scoped to Test)."], comparison.Differences);
    }

    [Fact]
    public void Without_a_snapshot_the_comparison_says_so()
    {
        var comparison = ProcessComparison.Compare("1.0.0", null, null, Process(Step("Deploy")), null, "prod", null, id => id);

        Assert.Contains("no process snapshot", comparison.Differences[0], StringComparison.Ordinal);
    }
}
