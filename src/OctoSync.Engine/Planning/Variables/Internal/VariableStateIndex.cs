using System.Runtime.CompilerServices;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// The state's variable entries (<c>{VariableSetKey}/{Name}</c>) grouped by variable set, built once per state and
/// shared by every set planned against it (issue #10: looking them up by sorting and scanning the whole state for
/// each set made planning grow with sets × entries). A key is filed under each prefix ending before one of its
/// slashes, so a set key or variable name with a slash in it is found as the prefix scan found it; within a set,
/// names keep the ordinal order of their keys and the first spelling of a name (case-insensitive) wins.
/// </summary>
internal static class VariableStateIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<VariableValueState>>, Dictionary<string, Dictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)>>> Cache = new();

    private static readonly IReadOnlyDictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)> None =
        new Dictionary<string, (string?, IReadOnlyList<VariableValueState>)>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The entries of one variable set by variable name (case-insensitive); empty when the state has none.</summary>
    public static IReadOnlyDictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)> Of(SyncState state, string setKey) =>
        Cache.GetValue(state.Variables, Build).TryGetValue(setKey, out var set) ? set : None;

    private static Dictionary<string, Dictionary<string, (string? Name, IReadOnlyList<VariableValueState> Entries)>> Build(
        IReadOnlyDictionary<string, IReadOnlyList<VariableValueState>> variables)
    {
        var bySet = new Dictionary<string, Dictionary<string, (string?, IReadOnlyList<VariableValueState>)>>(StringComparer.Ordinal);
        foreach (var (key, entries) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            for (var slash = key.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = key.IndexOf('/', slash + 1))
            {
                var setKey = key[..slash];
                if (!bySet.TryGetValue(setKey, out var set))
                {
                    bySet[setKey] = set = new Dictionary<string, (string?, IReadOnlyList<VariableValueState>)>(StringComparer.OrdinalIgnoreCase);
                }

                var name = key[(slash + 1)..];
                set.TryAdd(name, (name, entries));
            }
        }

        return bySet;
    }
}
