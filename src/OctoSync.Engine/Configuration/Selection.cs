namespace OctoSync.Engine.Configuration;

/// <summary>
/// What to sync (<c>select:</c> in octosync.yaml). Names or globs (<c>*</c>, <c>?</c>), case-insensitive;
/// an exclude wins over an include.
/// </summary>
public sealed record Selection
{
    public NameFilter Projects { get; init; } = NameFilter.All;
    public NameFilter LibraryVariableSets { get; init; } = NameFilter.All;
    public TenantSelection Tenants { get; init; } = TenantSelection.Connected;
    public NameFilter ProjectGroups { get; init; } = NameFilter.All;
    public NameFilter StepTemplates { get; init; } = NameFilter.All;
    public NameFilter ScriptModules { get; init; } = NameFilter.All;
    public NameFilter TagSets { get; init; } = NameFilter.All;
    public NameFilter Feeds { get; init; } = NameFilter.All;
    public NameFilter WorkerPools { get; init; } = NameFilter.All;
    public NameFilter Accounts { get; init; } = NameFilter.All;
    public NameFilter Certificates { get; init; } = NameFilter.All;
}

public enum TenantSelectionMode { Connected, All, None, Names }

/// <summary><c>select.tenants</c>: <c>connected | all | none | [names or globs]</c>.</summary>
public sealed record TenantSelection(TenantSelectionMode Mode, NameFilter Names)
{
    public static readonly TenantSelection Connected = new(TenantSelectionMode.Connected, NameFilter.All);
    public static readonly TenantSelection All = new(TenantSelectionMode.All, NameFilter.All);
    public static readonly TenantSelection None = new(TenantSelectionMode.None, NameFilter.None);
}

/// <summary>Include and exclude globs over names.</summary>
public sealed record NameFilter(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static readonly NameFilter All = new(["*"], []);
    public static readonly NameFilter None = new([], []);

    public bool Matches(string name) =>
        Include.Any(p => Glob.IsMatch(p, name)) && !Exclude.Any(p => Glob.IsMatch(p, name));
}

/// <summary>Case-insensitive glob with <c>*</c> and <c>?</c>.</summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
