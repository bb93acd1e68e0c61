using System.Text.Json.Nodes;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>Everything decided for one variable name.</summary>
internal sealed class NameOutcome
{
    public List<ChangeDetail> Details { get; } = [];

    /// <summary>Destination values to modify in place, by destination Id.</summary>
    public Dictionary<string, VariableValue> Updates { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>New destination values, in order: the id to give, the value, the JSON it starts from.</summary>
    public List<(string Id, VariableValue Value, JsonObject Template)> Creates { get; } = [];

    /// <summary>Destination values to remove (OctoSync wrote them; their source is gone), by destination Id.</summary>
    public HashSet<string> Deletes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The state to record for this name (an empty list forgets it).</summary>
    public List<VariableValueState> State { get; } = [];

    public List<CleanupItem> Cleanup { get; } = [];

    /// <summary>Values of this name on the destination once the plan is applied, as far as this set decides (for <c>#{Name}</c> checks).</summary>
    public List<VariableValue> Reaching { get; } = [];

    public bool Writes => Updates.Count > 0 || Creates.Count > 0 || Deletes.Count > 0;
}
