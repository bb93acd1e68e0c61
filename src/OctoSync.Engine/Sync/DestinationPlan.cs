using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Sync;

/// <summary>Everything known about one destination after planning: what was read, the state used, and the plan.</summary>
public sealed record DestinationPlan(
    DestinationConfiguration Configuration,
    IOctopusSpaceClient Client,
    SpaceSnapshot Source,
    SpaceSnapshot Destination,
    SyncState State,
    Plan Plan)
{
    /// <summary>The destination's resolved secrets (docs/secrets.md): apply writes through them; empty when none are configured.</summary>
    public Secrets.ResolvedSecrets Secrets { get; init; } = OctoSync.Engine.Secrets.ResolvedSecrets.None;
}
