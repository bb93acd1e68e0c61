using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>The destination set's values as read, with their fingerprints and scope keys (by names).</summary>
internal sealed class DestinationVariables
{
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.OrdinalIgnoreCase);
    private ILookup<string, Entry>? _byName;

    public DestinationVariables(JsonObject? set, Translator translator)
    {
        foreach (var json in set?.Arr("Variables").Objects() ?? [])
        {
            var value = VariableValue.FromJson(json);
            // One portable form for both (PortableValue.Fingerprint and PortableValue.ScopeKey each built their own).
            var portable = PortableValue.Of(value, translator);
            var entry = new Entry(json.Str("Id") ?? "", json, value, State.Fingerprint.Of(portable), portable["Scope"]!.ToJsonString());
            All.Add(entry);
            _byId.TryAdd(entry.Id, entry);
        }
    }

    /// <summary>One destination value as read.</summary>
    public sealed record Entry(string Id, JsonObject Json, VariableValue Value, string Fingerprint, string ScopeKey);

    /// <summary>In the order the destination returned them.</summary>
    public List<Entry> All { get; } = [];

    public Entry? Find(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e : null;

    /// <summary>The values of one name, in the order of <see cref="All"/> (grouped once: a scan per name grew with the square of the set).</summary>
    public IEnumerable<Entry> Named(string name) => (_byName ??= All.ToLookup(e => e.Value.Name, StringComparer.OrdinalIgnoreCase))[name];
}
