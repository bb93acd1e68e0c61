using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.ThreeWay;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// Whole objects OctoSync created or adopted whose source is gone (deleted, renamed away, or no longer selected): projects,
/// tenants, library variable sets and step templates (spec §6). They are reported on every run and removed only under
/// <c>rules.deletions.objects: remove</c>, and then only when nobody changed them since OctoSync wrote them. Runs after
/// every kind planner: an object is "still from the source" exactly when a planner made a change for it this run.
/// </summary>
public static class GoneObjects
{
    public static void Plan(PlanningSession session)
    {
        var planned = session.Changes.Select(c => (c.Kind, c.Key.ToUpperInvariant())).ToHashSet();
        var index = StateIndex.Of(session.Input.State);
        var kinds = new (ResourceKind Kind, IReadOnlyList<JsonObject> Destination)[]
        {
            (ResourceKind.Project, session.Destination.Projects),
            (ResourceKind.Tenant, session.Destination.Tenants),
            (ResourceKind.LibraryVariableSet, session.Destination.LibraryVariableSets),
            (ResourceKind.ActionTemplate, session.Destination.ActionTemplates),
        };
        foreach (var (kind, documents) in kinds)
        {
            foreach (var destination in PlanningSession.Ordered(documents))
            {
                var key = destination.Name();
                var stateKey = ThreeWayDecision.StateKey(kind, key);
                if (planned.Contains((kind, key.ToUpperInvariant())) || index.Object(stateKey) is not { } written)
                {
                    continue;
                }

                session.Changes.Add(Decide(session, kind, key, destination, written, stateKey, index));
            }
        }
    }

    /// <summary>
    /// An element inside a synced object (a channel of a project) that OctoSync wrote and whose source is gone: it follows
    /// the table (removed when unchanged). Null when the state does not record it as OctoSync's.
    /// </summary>
    public static Change? Element(PlanningSession session, ResourceKind kind, string key, JsonObject destination, SyncRules rules, string owner)
    {
        var stateKey = ThreeWayDecision.StateKey(kind, key);
        if (StateIndex.Of(session.Input.State).Object(stateKey) is not { } written)
        {
            return null;
        }

        var current = CurrentFingerprint(session, destination, written);
        var cell = GoneFromSource.Decide(written.Fingerprint, current, rules.Variables.Overwrite, "deleted, renamed or no longer decided by the rules on the source");
        return new Change
        {
            Kind = kind,
            Key = key,
            Action = cell.Action,
            Rule = cell.Rule,
            Reason = cell.Reason,
            DestinationId = destination.Str("Id"),
            Owner = owner,
            Before = destination,
            Details = cell.IsDrift ? [new ChangeDetail(KindWords.Subject(kind, key), cell.Action, cell.Rule, cell.Reason, IsDrift: true)] : [],
            StateUpdates = cell.Action == ChangeAction.Delete ? [new StateUpdate.RemoveObject(stateKey)] : [],
        };
    }

    private static Change Decide(PlanningSession session, ResourceKind kind, string key, JsonObject destination, ObjectState written, string stateKey, StateIndex index)
    {
        var rules = kind == ResourceKind.Project ? session.Input.Rules.ForProject(key) : session.Rules;
        var current = CurrentFingerprint(session, destination, written);
        var why = written.SourceName is { } name && !string.Equals(name, key, StringComparison.OrdinalIgnoreCase)
            ? $"source \"{name}\" deleted, renamed or no longer selected"
            : "deleted, renamed or no longer selected on the source";
        var cell = GoneFromSource.Decide(written.Fingerprint, current, rules.Variables.Overwrite, why, rules.Deletions.Objects);
        List<StateUpdate> updates = [];
        if (cell.Action == ChangeAction.Delete)
        {
            // What OctoSync recorded inside the object goes with it, so a later object of the same name starts afresh.
            updates.Add(new StateUpdate.RemoveObject(stateKey));
            if (kind == ResourceKind.Project)
            {
                updates.AddRange(new[] { "Step:", "Channel:", "Runbook:" }.SelectMany(p => index.ObjectKeysUnder($"{p}{key}/"))
                    .Select(k => (StateUpdate)new StateUpdate.RemoveObject(k)));
                updates.Add(new StateUpdate.RemoveObject(ThreeWayDecision.StateKey(ResourceKind.DeploymentSettings, key)));
            }

            if (kind == ResourceKind.Tenant)
            {
                // Its connections, tags and tenant variables (member entries, docs/rules.md "Members of synced objects").
                updates.AddRange(new[] { Tenants.TenantMembers.ConnectionKind, Tenants.TenantMembers.TagKind, TenantVariables.TenantVariablePlanner.StateKind }
                    .SelectMany(p => index.ObjectKeysUnder($"{p}:{key}|"))
                    .Select(k => (StateUpdate)new StateUpdate.RemoveObject(k)));
            }

            var owner = kind == ResourceKind.Project ? "Project" : kind == ResourceKind.LibraryVariableSet ? "LibraryVariableSet" : null;
            if (owner is not null)
            {
                updates.AddRange(index.VariableKeysUnder($"{ResourceKeys.VariableSet(owner, key)}/").Select(k => (StateUpdate)new StateUpdate.SetVariable(k, [])));
            }
        }

        return new Change
        {
            Kind = kind,
            Key = key,
            Action = cell.Action,
            Rule = cell.Rule,
            Reason = cell.Reason,
            DestinationId = destination.Str("Id"),
            Owner = kind == ResourceKind.Project ? key : null,
            Before = destination,
            Details = cell.IsDrift ? [new ChangeDetail(KindWords.Subject(kind, key), cell.Action, cell.Rule, cell.Reason, IsDrift: true)] : [],
            StateUpdates = updates,
        };
    }

    /// <summary>
    /// The destination's fingerprint over the fields OctoSync wrote. A version 1 state does not say which fields those
    /// were: the object cannot be shown unchanged, so it is never removed.
    /// </summary>
    private static string CurrentFingerprint(PlanningSession session, JsonObject destination, ObjectState written) =>
        written.Fields is { } fields
            ? PortableForm.Fingerprint(ObjectDecider.Managed(destination, new JsonObject(fields.Select(f => KeyValuePair.Create(f, (JsonNode?)null)))), session.Translator)
            : "unknown (state format 1 does not record the fields written)";
}
