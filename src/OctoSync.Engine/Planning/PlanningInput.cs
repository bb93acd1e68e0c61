using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning;

/// <summary>Everything a plan is a function of. No clients, no clock, no file system.</summary>
public sealed record PlanningInput
{
    public required string DestinationName { get; init; }
    public required SpaceSnapshot Source { get; init; }
    public required SpaceSnapshot Destination { get; init; }
    /// <summary>Source environment name → destination environment name, as configured.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentMap { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public RuleSet Rules { get; init; } = new();
    public Selection Select { get; init; } = new();
    /// <summary>What OctoSync wrote last time (null or empty: nothing yet).</summary>
    public SyncState? State { get; init; }

    /// <summary>The destination's supplied secrets, resolved before planning: their sources and keyed hashes, never values (docs/secrets.md).</summary>
    public IReadOnlyList<Secrets.SuppliedSecret> Secrets { get; init; } = [];
}
