using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Channels;
using OctoSync.Engine.Planning.Processes;
using OctoSync.Engine.Planning.Variables;

namespace OctoSync.Engine.Planning.Projects;

/// <summary>
/// Every selected project, in order: settings, channels, runbooks, deployment process, variables — each with the
/// project's own rules (<c>projects.&lt;name&gt;.rules</c>). A config-as-code project is reported and skipped.
/// </summary>
public static class ProjectPlanner
{
    public const string ConfigAsCodeRule = "config-as-code";

    public static void Plan(PlanningSession session)
    {
        foreach (var source in PlanningSession.Ordered(session.Source.Projects).Where(p => session.Input.Select.Projects.Matches(p.Name())))
        {
            var name = source.Name();
            var destination = session.DestinationDocument(ResourceKind.Project, name);
            if (IsConfigAsCode(source) || (destination is not null && IsConfigAsCode(destination)))
            {
                var where = IsConfigAsCode(source) ? "on the source" : "on the destination";
                session.Skip(ResourceKind.Project, name, ConfigAsCodeRule,
                    $"The project is version-controlled (config as code) {where}: its process, settings and variables live in Git, which this version does not sync.",
                    name, destination, Severity.Warning);
                continue;
            }

            var rules = session.Input.Rules.ForProject(name);
            var settings = ProjectSettingsPlanner.Plan(session, source, rules);
            var change = settings.Change;
            if (change.Action == ChangeAction.Skip || (destination is null && change.Action != ChangeAction.Create))
            {
                continue;
            }

            var projectId = destination?.Id() ?? ReferenceToken.For(ResourceKind.Project, name);
            var goneChannels = ChannelPlanner.Plan(session, source, destination, projectId, rules);
            var goneRunbooks = PlanRunbooks(session, source, destination, projectId, rules);
            PlanProcess(session, source, destination, rules);
            PlanVariables(session, source, destination, rules);
            ProjectLateReferences.Plan(session, source, rules, settings);
            // After the project's own write (its PUT leaves the settings as they are) and after the steps they may name.
            DeploymentSettingsPlanner.Plan(session, source, rules, settings);
            // Removed last: the process and variables written above may still name them until then.
            session.Changes.AddRange(goneRunbooks);
            session.Changes.AddRange(goneChannels);
        }
    }

    /// <summary><c>IsVersionControlled</c>, or <c>PersistenceSettings.Type == "VersionControlled"</c>.</summary>
    public static bool IsConfigAsCode(JsonObject project) =>
        project.Bool("IsVersionControlled") || project.Obj("PersistenceSettings")?.Str("Type") == "VersionControlled";

    private static IReadOnlyList<Change> PlanRunbooks(PlanningSession session, JsonObject source, JsonObject? destination, string projectId, Configuration.SyncRules rules)
    {
        var plan = RunbookPlanner.Plan(new RunbookPlanningContext
        {
            ProjectName = source.Name(),
            DestinationProjectId = projectId,
            Source = session.Source,
            Destination = session.Destination,
            SourceProjectId = source.Id(),
            SourceRunbooks = session.SourceRunbooks,
            DestinationRunbooks = session.DestinationRunbooks,
            DestinationProjectIdIfExists = destination?.Id(),
            Translator = session.Translator,
            Rules = rules,
            State = session.Input.State,
            SourceProject = source,
        });
        session.Changes.AddRange(plan.Changes);
        session.Diagnostics.AddRange(plan.Diagnostics);
        session.Cleanup.AddRange(plan.Cleanup);
        return plan.Gone;
    }

    private static void PlanProcess(PlanningSession session, JsonObject source, JsonObject? destination, Configuration.SyncRules rules)
    {
        if (session.Source.DeploymentProcesses.GetValueOrDefault(source.Str("DeploymentProcessId") ?? "") is not { } process)
        {
            return;
        }

        var destinationProcess = destination?.Str("DeploymentProcessId") is { } id ? session.Destination.DeploymentProcesses.GetValueOrDefault(id) : null;
        var plan = ProcessPlanner.Plan(new ProcessPlanningContext
        {
            ProjectName = source.Name(),
            Source = process,
            Destination = destinationProcess,
            DestinationId = destinationProcess?.Str("Id") ?? destination?.Str("DeploymentProcessId") ?? ReferenceToken.For(ResourceKind.DeploymentProcess, source.Name()),
            Translator = session.Translator,
            Rules = rules,
            State = session.Input.State,
        });
        session.Changes.Add(plan.Change);
        session.Diagnostics.AddRange(plan.Diagnostics);
        session.Cleanup.AddRange(plan.Cleanup);
    }

    private static void PlanVariables(PlanningSession session, JsonObject source, JsonObject? destination, Configuration.SyncRules rules)
    {
        if (session.Source.VariableSets.GetValueOrDefault(source.Str("VariableSetId") ?? "") is not { } variables)
        {
            return;
        }

        var name = source.Name();
        var destinationVariables = destination?.Str("VariableSetId") is { } id ? session.Destination.VariableSets.GetValueOrDefault(id) : null;
        var elsewhere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setId in source.Strings("IncludedLibraryVariableSetIds"))
        {
            if (session.Translator.SourceKeyOf(setId) is { } setName && session.LibrarySetNames.TryGetValue(setName, out var names))
            {
                elsewhere.UnionWith(names);
            }
        }

        var plan = VariableSetPlanner.Plan(new VariableSetPlanningContext
        {
            OwnerKind = "Project",
            OwnerName = name,
            Source = variables,
            Destination = destinationVariables,
            DestinationId = destinationVariables?.Str("Id") ?? destination?.Str("VariableSetId") ?? ReferenceToken.For(ResourceKind.VariableSet, ResourceKeys.VariableSet("Project", name)),
            Translator = session.Translator,
            Rules = rules,
            State = session.Input.State,
            Secrets = session.Input.Secrets,
            NamesAvailableElsewhere = elsewhere,
        });
        session.Changes.Add(plan.Change);
        session.Diagnostics.AddRange(plan.Diagnostics);
        session.Cleanup.AddRange(plan.Cleanup);
    }
}
