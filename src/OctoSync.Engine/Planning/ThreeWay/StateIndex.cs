using System.Runtime.CompilerServices;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.ThreeWay;

/// <summary>
/// The state of one destination indexed once per run, so planning stays linear in the size of the state: objects by
/// the source id they came from (renames), variable names by their variable set. Built on first use for a given
/// <see cref="SyncState"/> instance and shared by every planner of that run.
/// </summary>
public sealed class StateIndex
{
    private static readonly ConditionalWeakTable<SyncState, StateIndex> Cache = [];
    private static readonly StateIndex None = new(null);

    private readonly Dictionary<string, string> _bySourceId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string Name, IReadOnlyList<VariableValueState> Entries)>> _variablesBySet = new(StringComparer.Ordinal);
    private readonly SyncState? _state;
    private readonly string[] _objectKeys = [];
    private readonly string[] _variableKeys = [];

    private StateIndex(SyncState? state)
    {
        _state = state;
        if (state is null)
        {
            return;
        }

        _objectKeys = [.. state.Objects.Keys.Order(StringComparer.Ordinal)];
        _variableKeys = [.. state.Variables.Keys.Order(StringComparer.Ordinal)];
        foreach (var (key, entry) in state.Objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (entry.SourceId is { } sourceId)
            {
                _bySourceId.TryAdd(Kind(key) + "|" + sourceId, key);
            }
        }

        // A variable key is "{set key}/{name}", and both parts may contain '/': every split is indexed (linear in the
        // length of the keys), and a set looks up exactly its own key.
        foreach (var (key, entries) in state.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            for (var i = key.IndexOf('/', StringComparison.Ordinal); i > 0; i = key.IndexOf('/', i + 1))
            {
                var set = key[..i];
                if (!_variablesBySet.TryGetValue(set, out var list))
                {
                    _variablesBySet[set] = list = [];
                }

                list.Add((key[(i + 1)..], entries));
            }
        }
    }

    public static StateIndex Of(SyncState? state) => state is null ? None : Cache.GetValue(state, s => new StateIndex(s));

    /// <summary>The entry recorded under a state key (<c>{Kind}:{Key}</c>), or null.</summary>
    public ObjectState? Object(string stateKey) =>
        _state is not null && _state.Objects.TryGetValue(stateKey, out var entry) ? entry : null;

    /// <summary>The state key of the entry of this kind (<c>Step</c>, <c>Channel</c>, …) that came from this source id, or null.</summary>
    public string? KeyOfSource(string kindPrefix, string sourceId) =>
        _bySourceId.TryGetValue(kindPrefix + "|" + sourceId, out var key) ? key : null;

    /// <summary>Variable names recorded for one variable set (key <c>Project:OctoFx</c>), in key order.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<VariableValueState> Entries)> VariablesOf(string setKey) =>
        _variablesBySet.TryGetValue(setKey, out var list) ? list : [];

    /// <summary>Object state keys that start with <paramref name="prefix"/> (binary search over the sorted keys).</summary>
    public IEnumerable<string> ObjectKeysUnder(string prefix) => Under(_objectKeys, prefix);

    /// <summary>Variable state keys that start with <paramref name="prefix"/>.</summary>
    public IEnumerable<string> VariableKeysUnder(string prefix) => Under(_variableKeys, prefix);

    private static IEnumerable<string> Under(string[] sorted, string prefix)
    {
        var i = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }

    private static string Kind(string key) => key.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? key[..i] : key;
}
