using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OctoSync.Engine.State;

/// <summary>
/// One run at a time per destination: a lock file next to the state (<c>&lt;state&gt;.lock</c>) created with
/// <see cref="FileMode.CreateNew"/>, so of two runs that race exactly one wins, on any file system that makes
/// create-if-absent atomic (local disks, SMB, NFSv3+). The file names who holds it (owner, host, pid, start time).
/// A lock is <em>stale</em> when its holder ran on this host and that process is gone; a stale lock, or any lock,
/// is removed only when the caller says so (<c>--break-lock</c>): a person decides, never a guess.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly string path;
    private readonly string token;
    private bool released;

    private StateLock(string path, StateLockHolder holder)
    {
        this.path = path;
        Holder = holder;
        token = holder.Token;
    }

    /// <summary>Who holds this lock: this run.</summary>
    public StateLockHolder Holder { get; }

    /// <summary>The lock file of a state file: the same name with <c>.lock</c> appended.</summary>
    public static string PathFor(string statePath) => statePath + ".lock";

    /// <summary>Takes the lock of <paramref name="statePath"/>, or throws naming who holds it.</summary>
    /// <param name="breakExisting">Remove a lock another run holds (the person running says it is dead).</param>
    /// <exception cref="StateLockException">Another run holds it, or the folder cannot be written.</exception>
    public static StateLock Acquire(string statePath, string destination, bool breakExisting, TimeProvider? time = null)
    {
        var lockPath = PathFor(statePath);
        var holder = StateLockHolder.ForThisProcess(destination, (time ?? TimeProvider.System).GetUtcNow());
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateLockException(lockPath, null, $"The state folder '{Path.GetDirectoryName(lockPath)}' cannot be created: {ex.Message}. Nothing was written.", ex);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using (var stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, holder, StateJson.Options);
                    stream.Flush(flushToDisk: true);
                }

                return new StateLock(lockPath, holder);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                var existing = Read(lockPath);
                if (!breakExisting || attempt > 0)
                {
                    throw new StateLockException(lockPath, existing, Held(destination, lockPath, existing));
                }

                File.Delete(lockPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StateLockException(lockPath, null, $"The lock file '{lockPath}' cannot be written: {ex.Message}. Check that the state folder is writable; nothing was written.", ex);
            }
        }

        throw new StateLockException(lockPath, null, $"The lock file '{lockPath}' could not be taken.");
    }

    /// <summary>Who holds the lock of <paramref name="statePath"/>, or null when it is free (for <c>validate</c>).</summary>
    public static StateLockHolder? Inspect(string statePath)
    {
        var lockPath = PathFor(statePath);
        return File.Exists(lockPath) ? Read(lockPath) ?? StateLockHolder.Unreadable : null;
    }

    /// <summary>The message for a lock another run holds.</summary>
    public static string Held(string destination, string lockPath, StateLockHolder? holder)
    {
        var who = holder is null || holder == StateLockHolder.Unreadable
            ? "an unreadable lock file"
            : $"{holder.Owner} on {holder.Host}, pid {holder.ProcessId.ToString(CultureInfo.InvariantCulture)}, since {holder.StartedAt.ToString("u", CultureInfo.InvariantCulture)}";
        var stale = holder is not null && holder.IsStale ? " That process is no longer running on this host: the lock is stale." : string.Empty;
        return $"Destination '{destination}' is locked by another run ({who}; lock file '{lockPath}').{stale} " +
            "Wait for that run to finish; if it is dead, run again with --break-lock.";
    }

    /// <summary>Removes the lock if it is still this run's (a lock broken and re-taken by another run is left alone).</summary>
    public void Dispose()
    {
        if (released)
        {
            return;
        }

        released = true;
        try
        {
            if (Read(path) is { } current && current.Token == token)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Left behind, the lock names this process, which is then gone: it reads as stale next time.
        }
    }

    private static StateLockHolder? Read(string lockPath)
    {
        try
        {
            return JsonSerializer.Deserialize<StateLockHolder>(File.ReadAllText(lockPath), StateJson.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a lock file says: who took it, where, and when.</summary>
public sealed record StateLockHolder(string Destination, string Owner, string Host, int ProcessId, DateTimeOffset StartedAt, string Token)
{
    /// <summary>Stands for a lock file whose content cannot be read.</summary>
    public static readonly StateLockHolder Unreadable = new("?", "?", "?", 0, DateTimeOffset.MinValue, "?");

    /// <summary>True when the holder ran on this host and its process is gone.</summary>
    public bool IsStale =>
        this != Unreadable && string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !IsRunning(ProcessId);

    public static StateLockHolder ForThisProcess(string destination, DateTimeOffset now) =>
        new(destination, Environment.UserName, Environment.MachineName, Environment.ProcessId, now, Guid.NewGuid().ToString("N"));

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>The lock of a destination's state could not be taken: another run holds it, or the folder is not writable.</summary>
public sealed class StateLockException(string lockPath, StateLockHolder? holder, string message, Exception? inner = null) : Exception(message, inner)
{
    public string LockPath { get; } = lockPath;
    public StateLockHolder? Holder { get; } = holder;
}
