using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Tenants;

/// <summary>
/// Tenants, last (spec §5.3). Connections are translated: a connection to an excluded environment or to a project
/// that does not reach the destination is dropped. <c>select.tenants: connected</c> syncs a tenant when at least one
/// project-environment connection is left (test tenants connected everywhere come along; a customer tenant connected
/// only to excluded environments does not); <c>all</c> syncs every tenant, <c>none</c> none, a list those named.
/// Connections on the destination to environments or projects the source does not manage are kept.
/// </summary>
public static class TenantPlanner
{
    public static void Plan(PlanningSession session)
    {
        var selection = session.Input.Select.Tenants;
        if (selection.Mode == TenantSelectionMode.None)
        {
            return;
        }

        var rule = $"select.tenants: {Word(selection)}";
        foreach (var tenant in PlanningSession.Ordered(session.Source.Tenants).Where(t => selection.Names.Matches(t.Name())))
        {
            var name = tenant.Name();
            var (connections, details) = TenantConnections.Translate(session, tenant);
            if (selection.Mode == TenantSelectionMode.Connected && !connections.Any(c => c.Value is JsonArray { Count: > 0 }))
            {
                session.Translator.Exclude(ResourceKind.Tenant, name);
                session.Skip(ResourceKind.Tenant, name, rule, "No project-environment connection is left on this destination (connected only to excluded environments or to projects not synced).");
                continue;
            }

            var change = NamedObjectPlanner.PlanOne(session, new NamedObjectPlanner.Profile(ResourceKind.Tenant)
            {
                Unmanaged = ["ClonedFromTenantId"],
                Adjust = (_, destination, desired) =>
                {
                    desired["TenantTags"] = Tags.Available(session, tenant.Arr("TenantTags"));
                    desired["ProjectEnvironments"] = TenantConnections.Merge(session, connections, destination);
                },
            }, tenant, session.Rules);
            session.Changes[^1] = change with
            {
                Rule = change.Rule == "default" ? rule : change.Rule,
                Details = [.. details, .. change.Details],
            };
        }
    }

    public static string Word(TenantSelection selection) => selection.Mode switch
    {
        TenantSelectionMode.All => "all",
        TenantSelectionMode.None => "none",
        TenantSelectionMode.Names => $"[{string.Join(", ", selection.Names.Include)}]",
        _ => "connected",
    };
}
