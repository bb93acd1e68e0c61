using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Projects;

/// <summary>
/// Project settings that point into the project itself (<c>ReleaseCreationStrategy.ChannelId</c>,
/// <c>…ReleaseCreationPackageStepId</c>, <c>VersioningStrategy.DonorPackageStepId</c>) cannot be translated when the
/// settings are decided: the channels and actions they name are planned after the project (a channel needs its
/// project to exist). Once they are planned, the settings are translated again; if they now hold tokens, the project
/// is written once more, after its channels and process, so the first sync already converges.
/// </summary>
public static class ProjectLateReferences
{
    public const string Rule = "project references";

    public static void Plan(PlanningSession session, JsonObject source, SyncRules rules, ProjectSettings early)
    {
        if (early.Candidate is not { } first)
        {
            return;
        }

        var late = ProjectSettingsPlanner.Candidate(session, source, rules, first.Destination);
        var translator = session.Translator;
        if (late is null || PortableForm.Fingerprint(late.Desired, translator) == PortableForm.Fingerprint(first.Desired, translator))
        {
            return;
        }

        if (early.Change.Action == ChangeAction.Create)
        {
            session.Changes.Add(FollowUp(session, early.Change, first, late));
            return;
        }

        // The project exists: nothing written before needs its settings, so decide them once, with every reference
        // known, after the channels and process they point to.
        session.Changes.Remove(early.Change);
        session.Changes.Add(ObjectDecider.Decide(session, late));
    }

    /// <summary>An update of the project this plan creates, setting the fields that name its own channels and steps.</summary>
    private static Change FollowUp(PlanningSession session, Change create, ObjectCandidate first, ObjectCandidate late)
    {
        var translator = session.Translator;
        var after = create.After!.Clone();
        var fields = new List<string>();
        foreach (var (field, value) in late.Desired)
        {
            if (PortableForm.Fingerprint(value, translator) != PortableForm.Fingerprint(first.Desired[field], translator))
            {
                after[field] = value?.DeepClone();
                fields.Add(field);
            }
        }

        // A PUT carries the whole document: the ids Octopus gave the project's own parts come back as the tokens the
        // applier recorded when it created the project.
        after["VariableSetId"] = ReferenceToken.For(ResourceKind.VariableSet, ResourceKeys.VariableSet("Project", create.Key));
        after["DeploymentProcessId"] = ReferenceToken.For(ResourceKind.DeploymentProcess, create.Key);
        var projectId = translator.PlanCreate(ResourceKind.Project, create.Key);
        var fingerprint = PortableForm.Fingerprint(late.Desired, translator);
        return new Change
        {
            Kind = ResourceKind.Project,
            Key = create.Key,
            Action = ChangeAction.Update,
            Rule = Rule,
            Reason = $"Sets {string.Join(", ", fields)} to channels and steps created above (they do not exist when the project is created).",
            DestinationId = projectId,
            Owner = create.Owner,
            After = after,
            StateUpdates = [new StateUpdate.SetObject(ThreeWayDecision.StateKey(ResourceKind.Project, create.Key), new ObjectState(fingerprint, projectId))],
        };
    }
}
