using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Projects;

/// <summary>
/// A project's deployment settings (<c>DeploymentSettingsResource</c>: versioning strategy, connectivity policy,
/// release notes and deployment changes templates, guided failure, skip-if-installed, force package download) as their
/// own change. Octopus moved them to <c>/projects/{id}/deploymentsettings</c> and marks the project's copies
/// <c>[Obsolete("Use DeploymentSettingsResource instead on the `deploymentsettings` API.")]</c> (OctopusClients
/// ProjectResource), still mirrored on the project document. So the project's copies decide whether anything differs
/// (no extra read per project), and the write goes through the route when the destination project advertises it
/// (<c>Links.DeploymentSettings</c>, as OctopusClients' DeploymentSettingsRepository follows it), else through the
/// project document. A new project carries them in its POST (the project's fields are still writeable).
/// </summary>
public static class DeploymentSettingsPlanner
{
    /// <summary>The item the plan names; also the rule prefix (docs/rules.md "Deployment settings").</summary>
    public const string Detail = "deployment settings";

    public const string RouteRule = "deployment settings: /deploymentsettings";

    public const string ProjectDocumentRule = "deployment settings: project document";

    /// <summary>DeploymentSettingsResource property → its mirror on ProjectResource.</summary>
    public static IReadOnlyList<(string Settings, string Project)> Fields { get; } =
    [
        ("ConnectivityPolicy", "ProjectConnectivityPolicy"),
        ("DefaultGuidedFailureMode", "DefaultGuidedFailureMode"),
        ("DefaultToSkipIfAlreadyInstalled", "DefaultToSkipIfAlreadyInstalled"),
        ("DeploymentChangesTemplate", "DeploymentChangesTemplate"),
        ("ReleaseNotesTemplate", "ReleaseNotesTemplate"),
        ("VersioningStrategy", "VersioningStrategy"),
        ("ForcePackageDownload", "ForcePackageDownload"),
    ];

    /// <summary>The project document's names of the settings (left out of the project's own managed fields).</summary>
    public static IEnumerable<string> ProjectFields => Fields.Select(f => f.Project);

    /// <summary>The link the applier follows: present when the destination project advertises the route.</summary>
    public const string RouteLink = "DeploymentSettings";

    /// <summary>The project's own <c>Links.DeploymentSettings</c>, or null when the server does not advertise the route.</summary>
    public static string? RouteOf(JsonObject? project) => project?.Obj("Links")?.Str(RouteLink);

    /// <summary>
    /// Decides the settings of a project whose own settings change is <paramref name="early"/>; runs after the project's
    /// process is planned, so a <c>VersioningStrategy.DonorPackageStepId</c> naming a step this plan creates translates.
    /// </summary>
    public static void Plan(PlanningSession session, JsonObject source, SyncRules rules, ProjectSettings early)
    {
        if (early.Candidate is not { } project)
        {
            return;
        }

        var name = project.Key;
        var desired = Desired(session, source);
        if (desired.Count == 0)
        {
            return;
        }

        if (project.Destination is not { } destination)
        {
            PlanForNewProject(session, name, desired, project, early.Change);
            return;
        }

        var route = RouteOf(destination);
        var (rule, reason) = route is not null
            ? (RouteRule, "Written through /projects/{id}/deploymentsettings: the destination project advertises Links.DeploymentSettings.")
            : (ProjectDocumentRule, "Written through the project document: the destination project does not advertise Links.DeploymentSettings.");
        var view = View(destination);
        var change = ObjectDecider.Decide(session, new ObjectCandidate
        {
            Kind = ResourceKind.DeploymentSettings,
            Key = name,
            SourceId = source.Str("Id"),
            TranslatedSource = desired,
            Destination = view,
            Desired = desired,
            AssumedBase = AssumedBase(session, name, view, desired),
            Rules = rules,
            Owner = project.Owner,
        });
        if (change.After is { } after && route is not null)
        {
            after["Links"] = new JsonObject { [RouteLink] = route };
        }

        session.Changes.Add(change with { Details = [new ChangeDetail(Detail, change.Action, rule, reason), .. change.Details] });
    }

    /// <summary>
    /// A state written before the settings had an entry of their own recorded them in the project's entry: the
    /// destination's settings are then taken as what OctoSync wrote, so a source change is still written.
    /// </summary>
    private static string? AssumedBase(PlanningSession session, string name, JsonObject view, JsonObject desired) =>
        ThreeWayDecision.BaseOf(session.Input.State, ResourceKind.Project, name) is null
            ? null
            : PortableForm.Fingerprint(ObjectDecider.Managed(view, desired), session.Translator);

    /// <summary>The destination project's mirrored settings under their DeploymentSettingsResource names (Id: the project's).</summary>
    public static JsonObject View(JsonObject project)
    {
        var view = new JsonObject { ["Id"] = project.Str("Id") };
        foreach (var (settings, field) in Fields)
        {
            if (project.ContainsKey(field))
            {
                view[settings] = project[field]?.DeepClone();
            }
        }

        return view;
    }

    /// <summary>The source project's settings, translated through everything known now, under their settings names.</summary>
    private static JsonObject Desired(PlanningSession session, JsonObject source)
    {
        var translated = IdTranslation.TranslateDocument(source, session.Translator);
        ProjectSettingsPlanner.ClearUnknownStepIds(source, translated, session.Translator);
        var desired = new JsonObject();
        foreach (var (settings, field) in Fields)
        {
            if (translated.ContainsKey(field))
            {
                desired[settings] = translated[field]?.DeepClone();
            }
        }

        return desired;
    }

    /// <summary>
    /// The project POST carried the settings (its create-only fields); the state records them under their own entry. When
    /// they now hold steps this plan creates (a donor package step), they are written once more, after the process.
    /// </summary>
    private static void PlanForNewProject(PlanningSession session, string name, JsonObject desired, ObjectCandidate project, Change create)
    {
        var translator = session.Translator;
        var projectId = translator.PlanCreate(ResourceKind.Project, name);
        var fingerprint = PortableForm.Fingerprint(desired, translator);
        var entry = new StateUpdate.SetObject(ThreeWayDecision.StateKey(ResourceKind.DeploymentSettings, name), new ObjectState(fingerprint, projectId));
        var created = new JsonObject();
        foreach (var (settings, field) in Fields)
        {
            if (project.CreateOnly?.ContainsKey(field) == true)
            {
                created[settings] = project.CreateOnly[field]?.DeepClone();
            }
        }

        if (PortableForm.Fingerprint(created, translator) == fingerprint)
        {
            var index = session.Changes.IndexOf(create);
            if (index >= 0)
            {
                session.Changes[index] = create with { StateUpdates = [.. create.StateUpdates, entry] };
                return;
            }
        }

        session.Changes.Add(new Change
        {
            Kind = ResourceKind.DeploymentSettings,
            Key = name,
            Action = ChangeAction.Update,
            Rule = ProjectLateReferences.Rule,
            Reason = "Sets the deployment settings to steps created above (they do not exist when the project is created).",
            DestinationId = projectId,
            Owner = create.Owner,
            After = desired,
            Details = [new ChangeDetail(Detail, ChangeAction.Update, ProjectDocumentRule, "Written through the project document: the project is created by this plan.")],
            StateUpdates = [entry],
        });
    }
}
