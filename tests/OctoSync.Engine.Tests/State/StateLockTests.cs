using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

/// <summary>Issue #9 item 3: one run at a time per destination, the holder named, breaking only when asked.</summary>
public sealed class StateLockTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"octosync-lock-{Guid.NewGuid():N}");

    private string StatePath => Path.Combine(folder, "prod.json");

    [Fact]
    public void A_second_run_cannot_take_a_held_lock_and_is_told_who_holds_it()
    {
        using var first = StateLock.Acquire(StatePath, "prod", breakExisting: false);

        var ex = Assert.Throws<StateLockException>(() => StateLock.Acquire(StatePath, "prod", breakExisting: false));

        Assert.Contains($"pid {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.MachineName, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.Holder.Token, ex.Holder?.Token);
    }

    [Fact]
    public void Releasing_removes_the_lock_and_the_next_run_takes_it()
    {
        StateLock.Acquire(StatePath, "prod", breakExisting: false).Dispose();

        using var next = StateLock.Acquire(StatePath, "prod", breakExisting: false);

        Assert.Equal(Environment.ProcessId, StateLock.Inspect(StatePath)?.ProcessId);
    }

    [Fact]
    public void Breaking_replaces_the_holder_and_the_old_holder_leaves_the_new_lock_alone()
    {
        var old = StateLock.Acquire(StatePath, "prod", breakExisting: false);
        using var taken = StateLock.Acquire(StatePath, "prod", breakExisting: true);

        old.Dispose();

        Assert.Equal(taken.Holder.Token, StateLock.Inspect(StatePath)?.Token);
    }

    [Fact]
    public void Many_runs_racing_for_one_lock_give_it_to_exactly_one()
    {
        var won = 0;
        var locks = new System.Collections.Concurrent.ConcurrentBag<StateLock>();
        Parallel.For(0, 16, _ =>
        {
            try
            {
                locks.Add(StateLock.Acquire(StatePath, "prod", breakExisting: false));
                Interlocked.Increment(ref won);
            }
            catch (StateLockException)
            {
                // Lost the race: the expected outcome for all but one.
            }
        });

        Assert.Equal(1, won);
        foreach (var l in locks)
        {
            l.Dispose();
        }
    }

    [Fact]
    public void A_lock_of_a_process_gone_on_this_host_is_stale()
    {
        var dead = new StateLockHolder("prod", "me", Environment.MachineName, int.MaxValue, DateTimeOffset.UnixEpoch, "t");
        var elsewhere = dead with { Host = "another-host" };

        Assert.True(dead.IsStale);
        Assert.False(elsewhere.IsStale);
        Assert.False(StateLockHolder.ForThisProcess("prod", DateTimeOffset.UnixEpoch).IsStale);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
