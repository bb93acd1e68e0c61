using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Members;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Tenants;

/// <summary>
/// A tenant's connections (one member per project × environment, <c>TenantConnection:{Tenant}|{Project}/{Environment}</c>)
/// and tags (<c>TenantTag:{Tenant}|{Set/Tag}</c>), each decided with <see cref="MemberDecision"/>: a person's
/// connection to a destination-only project, or a tag a person gave the tenant, is kept and is not drift; what
/// OctoSync connected and the source disconnected is removed.
/// </summary>
public static class TenantMembers
{
    public const string ConnectionKind = "TenantConnection";
    public const string TagKind = "TenantTag";

    /// <summary>Presence is all there is to a connection or a tag: one fingerprint for "there".</summary>
    private const string Present = "present";

    public sealed record Result<T>(T Value, IReadOnlyList<ChangeDetail> Details, IReadOnlyList<StateUpdate> StateUpdates, bool Writes, string Summary);

    /// <summary>Merges translated source connections (destination ids or tokens) into the destination's.</summary>
    public static Result<JsonObject> Connections(PlanningSession session, string tenant, JsonObject desired, JsonObject? destination, OwnedMembers owned, OverwriteMode overwrite)
    {
        var translator = session.Translator;
        string Key(string id) => translator.DestinationKeyOf(id) ?? id;
        var wanted = new Dictionary<string, (string Project, string Environment)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (project, environments) in desired)
        {
            foreach (var environment in Strings(environments))
            {
                wanted[$"{Key(project)}/{Key(environment)}"] = (project, environment);
            }
        }

        var result = (destination?.Obj("ProjectEnvironments") ?? []).Clone();
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (project, environments) in result)
        {
            foreach (var environment in Strings(environments))
            {
                present.Add($"{Key(project)}/{Key(environment)}");
            }
        }

        var details = new List<ChangeDetail>();
        var states = new List<StateUpdate>();
        var written = owned.Of(tenant);
        int added = 0, removed = 0;
        foreach (var member in present.Order(StringComparer.OrdinalIgnoreCase).ToList())
        {
            var inSource = wanted.ContainsKey(member);
            var outcome = MemberDecision.Decide(inSource, written.GetValueOrDefault(member), Present, Present, overwrite);
            states.Add(owned.Update(tenant, member, outcome.StateFingerprint));
            if (outcome.Action == ChangeAction.Delete)
            {
                Disconnect(result, member, Key);
                removed++;
            }

            if (!inSource || outcome.Action != ChangeAction.None)
            {
                details.Add(new ChangeDetail($"connection to {member}", outcome.Action, outcome.Rule, outcome.Reason, outcome.IsDrift));
            }
        }

        foreach (var (member, (project, environment)) in wanted.Where(w => !present.Contains(w.Key)).OrderBy(w => w.Key, StringComparer.OrdinalIgnoreCase))
        {
            var outcome = MemberDecision.Decide(true, written.GetValueOrDefault(member), null, Present, overwrite);
            states.Add(owned.Update(tenant, member, outcome.StateFingerprint));
            if (outcome.Action == ChangeAction.Create)
            {
                var list = result[project] as JsonArray;
                if (list is null)
                {
                    list = [];
                    result[project] = list;
                }

                list.Add(environment);
                added++;
            }

            details.Add(new ChangeDetail($"connection to {member}", outcome.Action, outcome.Rule, outcome.Reason, outcome.IsDrift));
        }

        // A source connection to a project with no environment yet is still a connection to the project.
        foreach (var (project, environments) in desired.Where(d => Strings(d.Value).Count == 0 && !result.ContainsKey(d.Key)))
        {
            result[project] = new JsonArray();
            added++;
        }

        states.AddRange(written.Keys.Where(m => !present.Contains(m) && !wanted.ContainsKey(m)).Select(m => owned.Update(tenant, m, null)));
        return new Result<JsonObject>(result, details, states, added + removed > 0, Summary(added, removed, "connection"));
    }

    /// <summary>Merges the source's tags that exist on the destination into the destination tenant's tags.</summary>
    public static Result<JsonArray> Tags(string tenant, IReadOnlyList<string> desired, JsonObject? destination, OwnedMembers owned, OverwriteMode overwrite)
    {
        var wanted = new HashSet<string>(desired, StringComparer.OrdinalIgnoreCase);
        var current = destination?.Strings("TenantTags") ?? [];
        var present = new HashSet<string>(current, StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        var details = new List<ChangeDetail>();
        var states = new List<StateUpdate>();
        var written = owned.Of(tenant);
        int added = 0, removed = 0;
        foreach (var tag in current)
        {
            var inSource = wanted.Contains(tag);
            var outcome = MemberDecision.Decide(inSource, written.GetValueOrDefault(tag), Present, Present, overwrite);
            states.Add(owned.Update(tenant, tag, outcome.StateFingerprint));
            if (outcome.Action == ChangeAction.Delete)
            {
                removed++;
            }
            else
            {
                result.Add(tag);
            }

            if (!inSource || outcome.Action != ChangeAction.None)
            {
                details.Add(new ChangeDetail($"tag \"{tag}\"", outcome.Action, outcome.Rule, outcome.Reason, outcome.IsDrift));
            }
        }

        foreach (var tag in desired.Where(t => !present.Contains(t)))
        {
            var outcome = MemberDecision.Decide(true, written.GetValueOrDefault(tag), null, Present, overwrite);
            states.Add(owned.Update(tenant, tag, outcome.StateFingerprint));
            if (outcome.Action == ChangeAction.Create)
            {
                result.Add(tag);
                added++;
            }

            details.Add(new ChangeDetail($"tag \"{tag}\"", outcome.Action, outcome.Rule, outcome.Reason, outcome.IsDrift));
        }

        states.AddRange(written.Keys.Where(t => !present.Contains(t) && !wanted.Contains(t)).Select(t => owned.Update(tenant, t, null)));
        return new Result<JsonArray>(result.ToJsonArray(), details, states, added + removed > 0, Summary(added, removed, "tag"));
    }

    private static void Disconnect(JsonObject connections, string member, Func<string, string> key)
    {
        foreach (var (project, environments) in connections.ToList())
        {
            if (environments is not JsonArray list)
            {
                continue;
            }

            var match = list.FirstOrDefault(e => e is JsonValue v && v.TryGetValue<string>(out var id)
                && string.Equals($"{key(project)}/{key(id)}", member, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                continue;
            }

            list.Remove(match);
            if (list.Count == 0)
            {
                connections.Remove(project);
            }

            return;
        }
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();

    private static string Summary(int added, int removed, string noun)
    {
        var parts = new List<string>();
        if (added > 0)
        {
            parts.Add($"{added} {noun}{(added == 1 ? "" : "s")} added");
        }

        if (removed > 0)
        {
            parts.Add($"{removed} {noun}{(removed == 1 ? "" : "s")} removed");
        }

        return string.Join(", ", parts);
    }
}
