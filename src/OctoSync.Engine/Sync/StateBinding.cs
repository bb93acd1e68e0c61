using OctoSync.Engine.Api;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Sync;

/// <summary>
/// Ties a destination's state to the instance it was written for (issue #9 item 4). A state of another server or
/// space would make every object it records read as "deleted on the destination … left deleted" and nothing would be
/// written: the run stops instead, saying what to do.
/// </summary>
public static class StateBinding
{
    /// <summary>The instance a client is connected to, as a state records it.</summary>
    public static StateInstance Of(IOctopusSpaceClient client) =>
        new(client.ServerUrl.ToString(), client.SpaceId, client.InstallationId);

    /// <summary>
    /// The state bound to <paramref name="client"/>'s instance: an unbound state (new, or written before OctoSync
    /// recorded the instance) is bound now; a state bound elsewhere is refused unless <paramref name="rebind"/>.
    /// </summary>
    /// <exception cref="SyncException">The state belongs to another instance.</exception>
    public static SyncState Bind(SyncState state, IOctopusSpaceClient client, string statePath, bool rebind)
    {
        var now = Of(client);
        if (state.Instance is { } recorded && recorded.Mismatch(now) is { } difference && !rebind)
        {
            throw new SyncException(
                $"The state of destination '{state.Destination}' ({statePath}) was written for another instance: {difference}. " +
                "Stopped before planning: nothing was written. If the destination's url or space in octosync.yaml is wrong, fix it; " +
                "if this really is the same Octopus space under a new address, run again with --rebind-state.");
        }

        return state with { Instance = now };
    }
}
