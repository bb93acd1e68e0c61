using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>One value of a variable in the seed's table form. <see cref="ShownName"/> is empty on all but the first value of a name.</summary>
/// <param name="Changed">The value (with its scope) is not in the table it is compared with: added, changed or removed.</param>
public sealed record VariableRow(string Name, string ShownName, string Value, string Scope, bool Changed = false)
{
    /// <summary>The plan's decision about this value (with its rule and reason), when the plan made one.</summary>
    public ChangeDetail? Decision { get; init; }

    /// <summary>What makes two rows the same value: name, value and scope (names compare as Octopus does, ignoring case).</summary>
    public string Identity => $"{Name.ToUpperInvariant()}\u0000{Value}\u0000{Scope}";
}
