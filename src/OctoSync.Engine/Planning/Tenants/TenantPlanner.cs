using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Tenants;

/// <summary>
/// Tenants, last (spec §5.3). Connections are translated: a connection to an excluded environment or to a project
/// that does not reach the destination is dropped. <c>select.tenants: connected</c> syncs a tenant when at least one
/// project-environment connection is left (test tenants connected everywhere come along; a customer tenant connected
/// only to excluded environments does not); <c>all</c> syncs every tenant, <c>none</c> none, a list those named.
/// The tenant's own fields are decided as an object; its connections and tags member by member
/// (<see cref="TenantMembers"/>), so a person's connection or tag on the destination is kept and freezes nothing.
/// A tag the destination will not have is left off with a warning. A tenant OctoSync synced that the source no
/// longer has is decided by <see cref="GoneObjects"/> (reported; removed only under <c>rules.deletions.objects</c>).
/// </summary>
public static class TenantPlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.Tenant)
    {
        Unmanaged = ["ClonedFromTenantId", "ProjectEnvironments", "TenantTags"],
    };

    public static void Plan(PlanningSession session)
    {
        var selection = session.Input.Select.Tenants;
        if (selection.Mode != TenantSelectionMode.None)
        {
            var connectionsOwned = OwnedMembers.Index(session.Input.State, TenantMembers.ConnectionKind);
            var tagsOwned = OwnedMembers.Index(session.Input.State, TenantMembers.TagKind);
            var rule = $"select.tenants: {Word(selection)}";
            foreach (var tenant in PlanningSession.Ordered(session.Source.Tenants).Where(t => selection.Names.Matches(t.Name())))
            {
                PlanTenant(session, tenant, rule, connectionsOwned, tagsOwned);
            }
        }
    }

    private static void PlanTenant(PlanningSession session, JsonObject tenant, string rule, OwnedMembers connectionsOwned, OwnedMembers tagsOwned)
    {
        var name = tenant.Name();
        var (connections, details) = TenantConnections.Translate(session, tenant);
        if (session.Input.Select.Tenants.Mode == TenantSelectionMode.Connected && !connections.Any(c => c.Value is JsonArray { Count: > 0 }))
        {
            session.Translator.Exclude(ResourceKind.Tenant, name);
            session.Skip(ResourceKind.Tenant, name, rule, "No project-environment connection is left on this destination (connected only to excluded environments or to projects not synced).");
            return;
        }

        var change = NamedObjectPlanner.PlanOne(session, Profile, tenant, session.Rules);
        var overwrite = session.Rules.Variables.Overwrite;
        var tags = AvailableTags(session, change.Key, tenant, details);
        var connected = TenantMembers.Connections(session, change.Key, connections, change.Before, connectionsOwned, overwrite);
        var tagged = TenantMembers.Tags(change.Key, tags, change.Before, tagsOwned, overwrite);
        var writes = connected.Writes || tagged.Writes;
        var memberDetails = details.Concat(connected.Details).Concat(tagged.Details).ToList();
        var states = change.StateUpdates.Concat(connected.StateUpdates).Concat(tagged.StateUpdates).ToList();
        var summary = string.Join(", ", new[] { connected.Summary, tagged.Summary }.Where(s => s.Length > 0));

        Change result;
        if (change.Action == ChangeAction.Create)
        {
            var after = change.After!.Clone();
            after["ProjectEnvironments"] = connected.Value;
            after["TenantTags"] = tagged.Value;
            result = change with { After = after };
        }
        else if (writes)
        {
            var after = (change.Action == ChangeAction.Update ? change.After! : change.Before!).Clone();
            after["ProjectEnvironments"] = connected.Value;
            after["TenantTags"] = tagged.Value;
            result = change with
            {
                Action = ChangeAction.Update,
                Rule = change.Action == ChangeAction.Update ? change.Rule : "default",
                Reason = change.Action == ChangeAction.Update ? $"{change.Reason} Members merged one by one: {summary}." : $"Members merged one by one: {summary}.",
                After = after,
            };
        }
        else
        {
            result = change;
        }

        session.Changes[^1] = result with
        {
            Rule = result.Rule == "default" ? rule : result.Rule,
            Details = [.. memberDetails, .. change.Details],
            StateUpdates = states,
        };
    }

    /// <summary>The source tenant's tags that will exist on the destination; each one left off gets a detail and a warning.</summary>
    private static List<string> AvailableTags(PlanningSession session, string tenant, JsonObject source, List<ChangeDetail> details)
    {
        var kept = new List<string>();
        foreach (var tag in source.Strings("TenantTags"))
        {
            if (session.AvailableTags.Contains(tag))
            {
                kept.Add(tag);
                continue;
            }

            const string Reason = "The destination does not have this tag and its tag set is not synced (select.tagSets); the tenant is synced without it.";
            details.Add(new ChangeDetail($"tag \"{tag}\"", ChangeAction.Skip, "select.tagSets", Reason));
            session.Diagnostics.Add(new Diagnostic(Severity.Warning, $"Tenant \"{tenant}\": tag \"{tag}\" left off. {Reason}", "select.tagSets", tenant));
        }

        return kept;
    }

    public static string Word(TenantSelection selection) => selection.Mode switch
    {
        TenantSelectionMode.All => "all",
        TenantSelectionMode.None => "none",
        TenantSelectionMode.Names => $"[{string.Join(", ", selection.Names.Include)}]",
        _ => "connected",
    };
}
