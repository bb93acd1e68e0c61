using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Snapshot;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// A whole space as comparable text: every document the snapshot reader reads, with every id the server assigned
/// replaced by the name of what it identifies (so two instances that hold the same objects export alike, whatever
/// ids they handed out) and the fields that only count writes (<c>Version</c>, <c>LastModifiedOn/By</c>) left out.
/// A GUID that identifies nothing in the space (random seed data) reads <c>&lt;guid&gt;</c>. Documents sort by their text, so order of creation does not matter; a duplicate shows as two documents.
/// </summary>
internal static class DestinationExport
{
    private static readonly HashSet<string> Counters = new(StringComparer.Ordinal) { "Version", "LastModifiedOn", "LastModifiedBy", "Links" };

    public static async Task<string> OfAsync(IOctopusSpaceClient client)
    {
        var snapshot = await SnapshotReader.ReadAsync(client);
        var collections = new (string Name, IEnumerable<JsonObject> Documents)[]
        {
            ("environments", snapshot.Environments), ("lifecycles", snapshot.Lifecycles), ("projectgroups", snapshot.ProjectGroups),
            ("projects", snapshot.Projects), ("channels", snapshot.Channels), ("runbooks", snapshot.Runbooks),
            ("libraryvariablesets", snapshot.LibraryVariableSets), ("tenants", snapshot.Tenants), ("tagsets", snapshot.TagSets),
            ("accounts", snapshot.Accounts), ("certificates", snapshot.Certificates), ("workerpools", snapshot.WorkerPools),
            ("feeds", snapshot.Feeds), ("actiontemplates", snapshot.ActionTemplates), ("machines", snapshot.Machines),
            ("deploymentprocesses", snapshot.DeploymentProcesses.Values), ("runbookprocesses", snapshot.RunbookProcesses.Values),
            ("variables", snapshot.VariableSets.Values),
        };

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, documents) in collections)
        {
            foreach (var document in documents)
            {
                Collect(document, name, names);
            }
        }

        // Processes and variable sets are named by their owner.
        foreach (var project in snapshot.Projects)
        {
            Name(names, project.Str("DeploymentProcessId"), $"process of {project.Name()}");
            Name(names, project.Str("VariableSetId"), $"variables of {project.Name()}");
        }

        foreach (var runbook in snapshot.Runbooks)
        {
            Name(names, runbook.Str("RunbookProcessId"), $"process of runbook {runbook.Name()}");
        }

        foreach (var set in snapshot.LibraryVariableSets)
        {
            Name(names, set.Str("VariableSetId"), $"variables of {set.Name()}");
        }

        var sb = new StringBuilder();
        foreach (var (name, documents) in collections)
        {
            foreach (var text in documents.Select(d => Normalise(d, names)!.ToJsonString()).Order(StringComparer.Ordinal))
            {
                sb.Append(name).Append(": ").AppendLine(text);
            }
        }

        return sb.ToString();
    }

    private static void Collect(JsonNode? node, string kind, Dictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["Id"] is JsonValue id && id.TryGetValue<string>(out var value))
                {
                    Name(names, value, $"{kind}:{obj.Str("Name") ?? obj.Str("Key") ?? "?"}");
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, kind, names);
                }

                break;
            case JsonArray arr:
                foreach (var item in arr)
                {
                    Collect(item, kind, names);
                }

                break;
        }
    }

    private static void Name(Dictionary<string, string> names, string? id, string name)
    {
        if (!string.IsNullOrEmpty(id))
        {
            names.TryAdd(id, name);
        }
    }

    private static JsonNode? Normalise(JsonNode? node, Dictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!Counters.Contains(key))
                    {
                        copy[names.GetValueOrDefault(key, key)] = Normalise(value, names);
                    }
                }

                return copy;
            case JsonArray arr:
                // Arrays of ids (scopes, tenant connections) are sets: sort them once translated.
                var items = arr.Select(i => Normalise(i, names)).ToList();
                return items.All(i => i is JsonValue)
                    ? new JsonArray(items.OrderBy(i => i!.ToJsonString(), StringComparer.Ordinal).ToArray())
                    : new JsonArray(items.ToArray());
            case JsonValue v when v.TryGetValue<string>(out var s):
                // A GUID that names nothing in the space is seed data made at random (an account's client id).
                return JsonValue.Create(names.TryGetValue(s, out var name) ? name : Guid.TryParse(s, out _) ? "<guid>" : s);
            default:
                return node?.DeepClone();
        }
    }
}
