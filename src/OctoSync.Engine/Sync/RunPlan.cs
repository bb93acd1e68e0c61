namespace OctoSync.Engine.Sync;

/// <summary>
/// What planning a run produced: a plan per destination that could be planned, a failure per destination that could
/// not. Holds the destinations' locks (when taken) until disposed.
/// </summary>
public sealed class RunPlan(IReadOnlyList<DestinationPlan> planned, IReadOnlyList<DestinationFailure> failed, IReadOnlyList<IDisposable> locks) : IDisposable
{
    public IReadOnlyList<DestinationPlan> Planned { get; } = planned;

    public IReadOnlyList<DestinationFailure> Failed { get; } = failed;

    public void Dispose()
    {
        foreach (var l in locks)
        {
            l.Dispose();
        }
    }
}

/// <summary>How a run plans: whether it takes the destinations' locks (apply) and may rebind their state.</summary>
public sealed record RunOptions
{
    /// <summary>Take each destination's lock and check its state folder is writable before connecting (apply).</summary>
    public bool Lock { get; init; }

    /// <summary>Remove a lock another run holds (<c>--break-lock</c>).</summary>
    public bool BreakLock { get; init; }

    /// <summary>Accept a state written for another URL/space/installation and bind it to this one (<c>--rebind-state</c>).</summary>
    public bool RebindState { get; init; }
}
