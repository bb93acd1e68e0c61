using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>Spec §5.4: runbooks whose environment scope maps to nothing follow the step rules; §6 for recurring syncs.</summary>
public class RunbookPlannerTests
{
    private const string Restore = "OctoFx/Restore Test DB";
    private const string Health = "OctoFx/Health check";

    [Theory]
    [InlineData(ExcludedEnvironmentsMode.Skip, ChangeAction.Skip, null, new string[0], "rules.steps.excludedEnvironments: skip")]
    [InlineData(ExcludedEnvironmentsMode.Unscope, ChangeAction.Create, "All", new string[0], "rules.steps.excludedEnvironments: unscope")]
    [InlineData(ExcludedEnvironmentsMode.Rescope, ChangeAction.Create, "Specified", new[] { "Environments-11" }, "rules.steps.excludedEnvironments: rescope")]
    public void A_runbook_scoped_only_to_an_excluded_environment(
        ExcludedEnvironmentsMode mode, ChangeAction expected, string? scope, string[] environments, string rule)
    {
        var (plan, translator) = new RunbookScenario { Rules = new SyncRules { Steps = ProcessScenario.Steps(mode, "Staging") } }.Run();

        var change = plan.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Restore);
        Assert.Equal(expected, change.Action);
        Assert.Equal(rule, change.Rule);
        var process = plan.Changes.SingleOrDefault(c => c.Kind == ResourceKind.RunbookProcess && c.Key == Restore);
        if (expected == ChangeAction.Skip)
        {
            Assert.Null(process);
            Assert.Null(translator.Translate(ResourceKind.Runbook, "Runbooks-1"));
            Assert.Null(translator.Translate(ResourceKind.Action, "src-action-Restore Test DB step"));
        }
        else
        {
            Assert.Equal(scope, change.After!.Str("EnvironmentScope"));
            Assert.Equal(environments, change.After!.Strings("Environments"));
            Assert.NotNull(process);
            Assert.Equal(ReferenceToken.For(ResourceKind.Runbook, Restore), translator.Translate(ResourceKind.Runbook, "Runbooks-1"));
        }
    }

    [Fact]
    public void A_per_runbook_override_beats_the_rule_for_every_step()
    {
        var overrides = new Dictionary<string, StepOverride>(StringComparer.OrdinalIgnoreCase)
        {
            ["Restore Test DB"] = new() { ExcludedEnvironments = ExcludedEnvironmentsMode.Unscope },
        };
        var (plan, _) = new RunbookScenario { Rules = new SyncRules { Steps = new StepRules { Overrides = overrides } } }.Run();

        var change = plan.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Restore);
        Assert.Equal("rules.steps.overrides[\"Restore Test DB\"].excludedEnvironments: unscope", change.Rule);
        Assert.Equal("All", change.After!.Str("EnvironmentScope"));
    }

    [Fact]
    public void Runbooks_of_a_new_project_are_created_with_tokens_runbooks_before_processes()
    {
        var (plan, translator) = new RunbookScenario { ProjectExists = false, Rules = new SyncRules { Steps = ProcessScenario.Steps(ExcludedEnvironmentsMode.Unscope) } }.Run();

        Assert.Equal(
            [(ResourceKind.Runbook, Health), (ResourceKind.Runbook, Restore), (ResourceKind.RunbookProcess, Health), (ResourceKind.RunbookProcess, Restore)],
            plan.Changes.Select(c => (c.Kind, c.Key)));
        var runbook = plan.Changes[0];
        Assert.Equal(ChangeAction.Create, runbook.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.Project, "OctoFx"), runbook.After!.Str("ProjectId"));
        Assert.False(runbook.After!.ContainsKey("Id"));
        Assert.False(runbook.After!.ContainsKey("RunbookProcessId"));
        var process = plan.Changes[2];
        Assert.Equal(ChangeAction.Update, process.Action);
        Assert.Equal(ReferenceToken.For(ResourceKind.RunbookProcess, Health), process.DestinationId);
        Assert.Equal(ReferenceToken.For(ResourceKind.Runbook, Health), process.After!.Str("RunbookId"));
        Assert.Equal(ReferenceToken.For(ResourceKind.Action, "OctoFx/Health check/Health check step"), translator.Translate(ResourceKind.Action, "src-action-Health check step"));
    }

    [Fact]
    public void An_existing_runbook_that_matches_is_left_untouched_and_translates_to_the_destination()
    {
        var (plan, translator) = new RunbookScenario { DestinationRunbooks = new Dictionary<string, string> { ["Health check"] = "Checks health" } }.Run();

        var runbook = plan.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Health);
        var process = plan.Changes.Single(c => c.Kind == ResourceKind.RunbookProcess && c.Key == Health);
        Assert.Equal(ChangeAction.None, runbook.Action);
        Assert.Equal("Runbooks-20", runbook.DestinationId);
        Assert.Equal(ChangeAction.None, process.Action);
        Assert.Equal("RunbookProcess-Runbooks-20", process.DestinationId);
        Assert.Equal("Runbooks-20", translator.Translate(ResourceKind.Runbook, "Runbooks-2"));
        Assert.Equal("dst-action-Health check step", translator.Translate(ResourceKind.Action, "src-action-Health check step"));
    }

    [Theory]
    [InlineData("Checks health", "Checks health, v2", OverwriteMode.Unchanged, ChangeAction.Update)]
    [InlineData("Checks health", "Checks health, v2", OverwriteMode.Never, ChangeAction.Leave)]
    [InlineData("Edited by a person", "Checks health", OverwriteMode.Unchanged, ChangeAction.Leave)]
    [InlineData("Edited by a person", "Checks health", OverwriteMode.Always, ChangeAction.Update)]
    public void An_existing_runbook_follows_the_three_way_table(string onDestination, string onSource, OverwriteMode overwrite, ChangeAction expected)
    {
        // Base: what OctoSync wrote when both said "Checks health".
        var (first, _) = new RunbookScenario { DestinationRunbooks = new Dictionary<string, string> { ["Health check"] = "Checks health" } }.Run();
        var state = SyncState.Empty("prod").With(first.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Health).StateUpdates);

        var (plan, _) = new RunbookScenario
        {
            DestinationRunbooks = new Dictionary<string, string> { ["Health check"] = onDestination },
            HealthCheckDescription = onSource,
            Rules = new SyncRules { Variables = new VariableRules { Overwrite = overwrite } },
            State = state,
        }.Run();

        var runbook = plan.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Health);
        Assert.Equal(expected, runbook.Action);
        if (expected == ChangeAction.Update)
        {
            Assert.Equal(onSource, runbook.After!.Str("Description"));
            Assert.Equal("Runbooks-20", runbook.After!.Str("Id"));
            Assert.Equal("RunbookProcess-Runbooks-20", runbook.After!.Str("RunbookProcessId"));
        }
    }

    [Theory]
    [InlineData(OverwriteMode.Unchanged, ChangeAction.Leave)]
    [InlineData(OverwriteMode.Always, ChangeAction.Create)]
    public void A_runbook_deleted_on_the_destination_stays_deleted_unless_always(OverwriteMode overwrite, ChangeAction expected)
    {
        var (first, _) = new RunbookScenario { DestinationRunbooks = new Dictionary<string, string> { ["Health check"] = "Checks health" } }.Run();
        var state = SyncState.Empty("prod").With(first.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Health).StateUpdates);

        var (plan, translator) = new RunbookScenario { Rules = new SyncRules { Variables = new VariableRules { Overwrite = overwrite } }, State = state }.Run();

        Assert.Equal(expected, plan.Changes.Single(c => c.Kind == ResourceKind.Runbook && c.Key == Health).Action);
        var process = plan.Changes.SingleOrDefault(c => c.Kind == ResourceKind.RunbookProcess && c.Key == Health);
        if (expected == ChangeAction.Leave)
        {
            Assert.Null(process);
            Assert.Null(translator.Translate(ResourceKind.Runbook, "Runbooks-2"));
        }
        else
        {
            Assert.Equal(ReferenceToken.For(ResourceKind.RunbookProcess, Health), process!.DestinationId);
        }
    }
}
