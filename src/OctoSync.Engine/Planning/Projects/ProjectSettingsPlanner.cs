using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Lifecycles;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Projects;

/// <summary>
/// A project's own settings: matched by name, references translated. The lifecycle follows spec §5.2 (an existing
/// project keeps its lifecycle unless <c>lifecycles: sync</c>); library variable sets included only on the
/// destination stay included. The deployment settings are decided on their own (<see cref="DeploymentSettingsPlanner"/>):
/// a new project's POST carries them, an existing project's PUT leaves them as the destination has them.
/// </summary>
public static class ProjectSettingsPlanner
{
    private static readonly string[] Unmanaged =
    [
        "VariableSetId", "DeploymentProcessId", "ClonedFromProjectId", "IsVersionControlled", "PersistenceSettings",
        "VersionControlSettings", "AutoDeployReleaseOverrides", "ExtensionSettings", "LifecycleId",
    ];

    private static readonly (string Strategy, string Field)[] StepIdFields =
    [
        ("ReleaseCreationStrategy", "ReleaseCreationPackageStepId"), ("VersioningStrategy", "DonorPackageStepId"),
    ];

    /// <summary>Decides the project's settings and adds the change; also returns what it decided from.</summary>
    public static ProjectSettings Plan(PlanningSession session, JsonObject source, SyncRules rules)
    {
        var destination = session.DestinationDocument(ResourceKind.Project, source.Name());
        if (Candidate(session, source, rules, destination) is not { } candidate)
        {
            return new ProjectSettings(session.Changes[^1], null);
        }

        var change = ObjectDecider.Decide(session, candidate);
        session.Changes.Add(change);
        return new ProjectSettings(change, candidate);
    }

    /// <summary>
    /// What the project's settings should be, translated through everything the translator knows now; null (and a
    /// skip added) when the destination has no lifecycle to give it.
    /// </summary>
    public static ObjectCandidate? Candidate(PlanningSession session, JsonObject source, SyncRules rules, JsonObject? destination)
    {
        var name = source.Name();
        var translated = IdTranslation.TranslateDocument(source, session.Translator);
        ClearUnknownStepIds(source, translated, session.Translator);
        var desired = ObjectDecider.Pick(translated, Unmanaged.Concat(DeploymentSettingsPlanner.ProjectFields));
        var details = new List<ChangeDetail>();

        if (desired["ProjectGroupId"] is null && DefaultGroup(session) is { } group)
        {
            desired["ProjectGroupId"] = group;
        }

        var (included, added) = IncludedSets(session, desired, destination);
        desired["IncludedLibraryVariableSetIds"] = included;

        // Under lifecycles: skip the lifecycle is set once, on create, and never managed after: so it is not part of
        // the desired fields (and fingerprint) but of the create-only fields.
        var createOnly = new JsonObject { ["ClonedFromProjectId"] = null, ["AutoDeployReleaseOverrides"] = new JsonArray() };
        foreach (var field in DeploymentSettingsPlanner.ProjectFields.Where(translated.ContainsKey))
        {
            createOnly[field] = translated[field]?.DeepClone();
        }

        if (destination is null || rules.Lifecycles == LifecyclesMode.Sync)
        {
            var (lifecycleId, rule, reason) = ChooseLifecycle(session, source, rules);
            if (lifecycleId is null)
            {
                session.Skip(ResourceKind.Project, name, rule, reason, name, destination, Severity.Error);
                return null;
            }

            (rules.Lifecycles == LifecyclesMode.Sync ? desired : createOnly)["LifecycleId"] = lifecycleId;
            details.Add(new ChangeDetail("lifecycle", ChangeAction.None, rule, reason));
        }

        return new ObjectCandidate
        {
            Kind = ResourceKind.Project,
            SourceId = source.Str("Id"),
            Key = name,
            TranslatedSource = translated,
            Destination = destination,
            Desired = desired,
            ServerFields = ["VariableSetId", "DeploymentProcessId"],
            CreateOnly = createOnly,
            Rules = rules,
            Owner = name,
            Details = details,
            LocalAdditions = added.Count > 0 ? new Dictionary<string, IReadOnlySet<string>> { ["IncludedLibraryVariableSetIds"] = added } : null,
        };
    }

    /// <summary>
    /// The <c>…StepId</c> fields hold the id of the action carrying the package. A value the source does not know as an
    /// action would reach the destination as a source instance's id, so it is cleared; the package stays named, portably,
    /// by <c>ReleaseCreationPackage</c> / <c>DonorPackage</c>.
    /// </summary>
    internal static void ClearUnknownStepIds(JsonObject source, JsonObject translated, Translator translator)
    {
        foreach (var (strategy, field) in StepIdFields)
        {
            var known = source.Obj(strategy)?.Str(field) is not { } id || (translator.Source.TryGetKey(id, out var kind, out _) && kind == ResourceKind.Action);
            if (!known && translated.Obj(strategy) is { } target)
            {
                target[field] = null;
            }
        }
    }

    private static (string? Id, string Rule, string Reason) ChooseLifecycle(PlanningSession session, JsonObject source, SyncRules rules)
    {
        if (source.Str("LifecycleId") is { } sourceId)
        {
            var (id, rule, lifecycleName) = LifecycleResolver.Resolve(session, sourceId, rules);
            if (id is not null)
            {
                return (id, rule, $"Lifecycle \"{lifecycleName}\".");
            }
        }

        return LifecycleResolver.DefaultLifecycle(session) is { } fallback
            ? (fallback.Id, $"rules.lifecycles: {LifecycleResolver.Word(rules.Lifecycles)}", $"The source lifecycle is not on the destination; the destination's default lifecycle \"{fallback.Name}\".")
            : (null, $"rules.lifecycles: {LifecycleResolver.Word(rules.Lifecycles)}", "The destination has no lifecycle to give the project.");
    }

    private static string? DefaultGroup(PlanningSession session) =>
        (session.Destination.ProjectGroups.FirstOrDefault(g => g.Name() == "Default Project Group") ?? session.Destination.ProjectGroups.FirstOrDefault())?.Str("Id");

    /// <summary>The translated includes, plus destination includes that no source library set stands for (a person's
    /// inclusion, the usual way to keep production secrets on the destination: merged, never drift).</summary>
    private static (JsonArray Included, HashSet<string> Added) IncludedSets(PlanningSession session, JsonObject desired, JsonObject? destination)
    {
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var includes = desired.Strings("IncludedLibraryVariableSetIds");
        var sourceNames = new HashSet<string>(session.Source.LibraryVariableSets.Select(s => session.Translator.DestinationKeyFor(ResourceKind.LibraryVariableSet, s.Name())), StringComparer.OrdinalIgnoreCase);
        foreach (var id in destination?.Strings("IncludedLibraryVariableSetIds") ?? [])
        {
            if (!includes.Contains(id, StringComparer.OrdinalIgnoreCase) && !sourceNames.Contains(session.Translator.Destination.KeyOf(id) ?? ""))
            {
                includes.Add(id);
                added.Add(id);
            }
        }

        return (includes.ToJsonArray(), added);
    }
}
