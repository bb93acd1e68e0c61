using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.TenantVariables;

/// <summary>
/// Tenant variables, after tenants (docs/rules.md "Tenant variables"): each value — a project template's value in one
/// environment, reached through the environment mapping, or a library variable set template's common value — is a
/// member of its tenant, decided with <see cref="MemberDecision"/> (the same three-way rules as variable values;
/// state <c>TenantVariable:{Tenant}|{member}</c>). A sensitive value can never be read from the source: the
/// destination's is kept, else a placeholder is written and listed in the clean-up report. One change per tenant;
/// the applier sets and removes exactly the values the change names and keeps every other value.
/// </summary>
public static class TenantVariablePlanner
{
    public const string StateKind = "TenantVariable";

    public static void Plan(PlanningSession session)
    {
        var owned = OwnedMembers.Index(session.Input.State, StateKind);
        var translator = session.Translator;
        // Only the tenants the tenant planner synced (not skipped, not left out by select.tenants).
        var destinationHasV2 = Api.TenantVariablesRoutes.HasV2(session.Destination.ServerVersion);
        var synced = session.Changes.Where(c => c.Kind == ResourceKind.Tenant && c.Action != ChangeAction.Skip)
            .Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in PlanningSession.Ordered(session.Source.Tenants))
        {
            var key = translator.DestinationKeyFor(ResourceKind.Tenant, tenant.Name());
            if (!synced.Contains(key) || translator.Translate(ResourceKind.Tenant, tenant.Id()) is not { } destinationTenantId)
            {
                continue;
            }

            var destinationTenant = session.DestinationDocument(ResourceKind.Tenant, key);
            var before = destinationTenant is null ? null : session.Destination.TenantVariables.GetValueOrDefault(destinationTenant.Id());
            var details = new List<ChangeDetail>();
            var wanted = TenantVariableValues.FromSource(translator, session.Source.TenantVariables.GetValueOrDefault(tenant.Id()), details,
                session.Source.TenantCommonVariables.GetValueOrDefault(tenant.Id()), destinationHasV2);
            var present = TenantVariableValues.FromDestination(translator.Destination, before,
                destinationTenant is null ? null : session.Destination.TenantCommonVariables.GetValueOrDefault(destinationTenant.Id()));
            foreach (var skipped in details.Where(d => d.Rule == TenantVariableValues.NeedsV2Rule))
            {
                session.Diagnostics.Add(new Diagnostic(Severity.Warning,
                    $"Tenant \"{key}\": the common value {skipped.Item} is scoped to environments and the destination (Octopus {session.Destination.ServerVersion ?? "unknown"}) has no tenant variables v2; it is not written.",
                    $"{TenantVariableValues.NeedsV2Rule}: common values scoped to environments are read and written through tenant variables v2 only (2025.2+).",
                    key));
            }

            var change = Decide(session, key, destinationTenantId, before, wanted, present, owned.Of(key), owned, details);
            if (change is not null)
            {
                session.Changes.Add(change);
            }
        }
    }

    internal static Change? Decide(
        PlanningSession session, string tenant, string destinationTenantId, JsonObject? before,
        Dictionary<string, TenantVariableValue> wanted, Dictionary<string, TenantVariableValue> present,
        IReadOnlyDictionary<string, string> written, OwnedMembers owned, List<ChangeDetail> details)
    {
        var overwrite = session.Rules.Variables.Overwrite;
        var subject = KindWords.Subject(ResourceKind.TenantVariables, tenant);
        var sets = new JsonArray();
        var removals = new JsonArray();
        var states = new List<StateUpdate>();
        var members = wanted.Keys.Concat(present.Keys).Concat(written.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var anyLeave = false;
        foreach (var member in members)
        {
            var source = wanted.GetValueOrDefault(member);
            var destination = present.GetValueOrDefault(member);
            // A source secret is "set"; the destination's secret, whatever it holds, satisfies it (its content is unreadable).
            var outcome = MemberDecision.Decide(source is not null, written.GetValueOrDefault(member), destination?.Fingerprint, source?.Fingerprint ?? "", overwrite);
            states.Add(owned.Update(tenant, member, outcome.StateFingerprint));
            anyLeave |= outcome.Action == ChangeAction.Leave;
            switch (outcome.Action)
            {
                case ChangeAction.Create or ChangeAction.Update:
                    var value = source!.IsSensitive ? SensitiveValues.Placeholder(session.Rules.Variables.Placeholder) : source.Value;
                    sets.Add(source.Slot.ToJson(value));
                    if (source.IsSensitive)
                    {
                        session.Cleanup.Add(new CleanupItem(ResourceKind.TenantVariables, subject, $"replace the placeholder written to the sensitive value {member}"));
                    }

                    break;
                case ChangeAction.Delete:
                    removals.Add(destination!.Slot.ToJson());
                    break;
            }

            if (outcome.Action != ChangeAction.None || (source is null && destination is not null))
            {
                var text = source?.IsSensitive == true && outcome.Action is ChangeAction.Create or ChangeAction.Update
                    ? $"{outcome.Reason} Sensitive: a placeholder is written (see the clean-up report)."
                    : outcome.Reason;
                details.Add(new ChangeDetail(member, outcome.Action, outcome.Rule, text, outcome.IsDrift));
            }
        }

        if (wanted.Count == 0 && present.Count == 0 && written.Count == 0 && details.Count == 0)
        {
            return null;
        }

        var writes = sets.Count + removals.Count > 0;
        return new Change
        {
            Kind = ResourceKind.TenantVariables,
            Key = tenant,
            Action = writes ? ChangeAction.Update : anyLeave ? ChangeAction.Leave : ChangeAction.None,
            Rule = "default",
            Reason = writes
                ? $"Tenant variable values merged one by one: {sets.Count} set, {removals.Count} removed."
                : anyLeave ? "Some values differ from the source and are left as they are (see the details)." : "Up to date.",
            DestinationId = destinationTenantId,
            Before = before,
            After = writes ? new JsonObject { ["TenantId"] = destinationTenantId, ["Set"] = sets, ["Remove"] = removals } : null,
            Details = details,
            StateUpdates = states,
        };
    }
}
