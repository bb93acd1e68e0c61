using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Processes;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Processes;

/// <summary>
/// The runbooks of OctoFx: "Restore Test DB" (scoped to Test) and "Health check" (every environment), each with one step.
/// The destination either has the project (optionally with its own runbooks) or the plan creates it.
/// </summary>
internal sealed record RunbookScenario
{
    public bool ProjectExists { get; init; } = true;
    /// <summary>Destination runbooks by name, with the description they have there.</summary>
    public IReadOnlyDictionary<string, string> DestinationRunbooks { get; init; } = new Dictionary<string, string>();
    public string HealthCheckDescription { get; init; } = "Checks health";
    public SyncRules Rules { get; init; } = new();
    public SyncState? State { get; init; }

    public (RunbookPlan Plan, Translator Translator) Run()
    {
        var sourceRunbooks = new[]
        {
            Runbook("Runbooks-1", "Restore Test DB", ProcessFixture.SourceProjectId, "Restores", "Specified", "Environments-2"),
            Runbook("Runbooks-2", "Health check", ProcessFixture.SourceProjectId, HealthCheckDescription, "All"),
        };
        var source = ProcessFixture.Source([], sourceRunbooks, sourceRunbooks.ToDictionary(r => r.Str("RunbookProcessId")!, r => RunbookProcess(r, "src")));
        var destinationRunbooks = DestinationRunbooks.Select((r, i) =>
            Runbook($"Runbooks-2{i}", r.Key, ProcessFixture.DestinationProjectId, r.Value, "All")).ToList();
        var destination = ProcessFixture.Destination(ProjectExists ? [] : null, destinationRunbooks,
            destinationRunbooks.ToDictionary(r => r.Str("RunbookProcessId")!, r => RunbookProcess(r, "dst")));
        var translator = new Translator(new NameIndex(source), new NameIndex(destination));
        var projectToken = ReferenceToken.For(ResourceKind.Project, "OctoFx");
        var plan = RunbookPlanner.Plan(new RunbookPlanningContext
        {
            ProjectName = "OctoFx",
            SourceProjectId = ProcessFixture.SourceProjectId,
            DestinationProjectId = ProjectExists ? ProcessFixture.DestinationProjectId : projectToken,
            DestinationProjectIdIfExists = ProjectExists ? ProcessFixture.DestinationProjectId : null,
            Source = source,
            Destination = destination,
            Translator = translator,
            Rules = Rules,
            State = State,
            SourceProject = source.Projects[0],
        });
        return (plan, translator);
    }

    private static JsonObject Runbook(string id, string name, string projectId, string description, string scope, params string[] environments) => new()
    {
        ["Id"] = id,
        ["Name"] = name,
        ["Description"] = description,
        ["ProjectId"] = projectId,
        ["RunbookProcessId"] = $"RunbookProcess-{id}",
        ["EnvironmentScope"] = scope,
        ["Environments"] = ProcessFixture.Ids(environments),
        ["MultiTenancyMode"] = "Untenanted",
    };

    private static JsonObject RunbookProcess(JsonObject runbook, string idPrefix)
    {
        var process = ProcessFixture.Process(runbook.Str("RunbookProcessId")!, runbook.Str("ProjectId")!, [ProcessFixture.Step($"{runbook.Name()} step", idPrefix: idPrefix)]);
        process["RunbookId"] = runbook.Str("Id");
        return process;
    }
}
