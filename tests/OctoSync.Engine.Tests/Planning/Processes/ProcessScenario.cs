using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Processes;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>One deployment-process planning run: source steps, destination steps (null = project created), rules, state.</summary>
internal sealed record ProcessScenario
{
    public IReadOnlyList<JsonObject> Source { get; init; } = [];
    public IReadOnlyList<JsonObject>? Destination { get; init; } = [];
    public SyncRules Rules { get; init; } = new();
    public SyncState? State { get; init; }
    /// <summary>What earlier planners taught the translator (environment mappings, exclusions, creations).</summary>
    public Action<Translator>? Teach { get; init; }
    /// <summary>Changes to the destination snapshot beyond its steps (e.g. a feed the previous apply created).</summary>
    public Func<SpaceSnapshot, SpaceSnapshot>? EditDestination { get; init; }

    public (ProcessPlan Plan, Translator Translator) Run()
    {
        var source = ProcessFixture.Source(Source);
        var destination = ProcessFixture.Destination(Destination);
        destination = EditDestination?.Invoke(destination) ?? destination;
        var translator = new Translator(new NameIndex(source), new NameIndex(destination));
        Teach?.Invoke(translator);
        var plan = ProcessPlanner.Plan(new ProcessPlanningContext
        {
            ProjectName = "OctoFx",
            Source = source.DeploymentProcesses["deploymentprocess-Projects-1"],
            Destination = Destination is null ? null : destination.DeploymentProcesses["deploymentprocess-Projects-21"],
            DestinationId = Destination is null ? ReferenceToken.For(ResourceKind.DeploymentProcess, "OctoFx") : "deploymentprocess-Projects-21",
            Translator = translator,
            Rules = Rules,
            State = State,
        });
        return (plan, translator);
    }

    public ProcessPlan Plan() => Run().Plan;

    public static StepRules Steps(ExcludedEnvironmentsMode mode, params string[] rescopeTo) => new() { ExcludedEnvironments = mode, RescopeTo = rescopeTo };
}

internal static class ProcessPlanAssertions
{
    /// <summary>The steps the plan writes (After), or the destination's as read when nothing is written.</summary>
    public static List<JsonObject> Steps(this ProcessPlan plan) =>
        (plan.Change.After ?? plan.Change.Before)?.Arr("Steps").Objects().ToList() ?? [];

    public static JsonObject Step(this ProcessPlan plan, string name) => plan.Steps().Single(s => s.Name() == name);

    public static JsonObject Action(this ProcessPlan plan, string name) => plan.Step(name).Arr("Actions").Objects().Single();

    public static ChangeDetail Detail(this ProcessPlan plan, string stepName) => plan.Change.Details.Single(d => d.Item == $"step \"{stepName}\"");

    public static List<string> Names(this ProcessPlan plan) => plan.Steps().Select(s => s.Name()).ToList();
}
