using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace OctoSync.Engine.Snapshot;

/// <summary>
/// Documents by id (ignoring case), each a <see cref="CompactDocument"/>: the snapshot's largest collections (deployment
/// processes, runbook processes, variable sets, tenant variables) are held this way, since planning looks at one
/// project's documents at a time (issue #10: as <see cref="JsonObject"/> trees both snapshots were most of the
/// 450–900 MiB peak at 500 projects). Reads as a dictionary of trees did: same documents, same order, the same instance
/// while anything holds it.
/// </summary>
public sealed class CompactDocumentDictionary : IReadOnlyDictionary<string, JsonObject>
{
    private readonly Dictionary<string, CompactDocument> _entries;

    /// <summary>Keeps each document under the key <paramref name="keyOf"/> gives (documents without one are left out; a later
    /// document with the same key replaces an earlier one, as an indexer assignment would).</summary>
    public CompactDocumentDictionary(IEnumerable<JsonObject> documents, Func<JsonObject, string?> keyOf)
        : this([Encode(documents, keyOf)])
    {
    }

    /// <summary>From parts <see cref="Encode"/> made (one per answer), in order.</summary>
    public CompactDocumentDictionary(IEnumerable<IReadOnlyList<(string Key, CompactDocument Document)>> parts)
    {
        _entries = new Dictionary<string, CompactDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, document) in parts.SelectMany(p => p))
        {
            _entries[key] = document;
        }
    }

    /// <summary>Each document kept under its key, so that the trees of one answer can go as soon as it is read.</summary>
    public static IReadOnlyList<(string Key, CompactDocument Document)> Encode(IEnumerable<JsonObject> documents, Func<JsonObject, string?> keyOf) =>
        [.. documents.Select(d => (Key: keyOf(d), Document: d)).Where(d => d.Key is not null).Select(d => (d.Key!, CompactDocument.Of(d.Document)))];

    public int Count => _entries.Count;

    /// <summary>The bytes kept, compressed (for the tests).</summary>
    public long KeptBytes => _entries.Values.Sum(e => (long)e.KeptBytes);

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<JsonObject> Values => _entries.Values.Select(e => e.Document());

    public JsonObject this[string key] => _entries[key].Document();

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonObject value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            value = entry.Document();
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, JsonObject>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, JsonObject>(e.Key, e.Value.Document())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
