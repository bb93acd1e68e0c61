namespace OctoSync.Engine.State;

/// <summary>
/// Proves before the first write that the state can be saved (issue #9: an unwritable state folder was found only
/// after every write was done). Creates the folder if needed and writes and deletes a probe file beside the state.
/// </summary>
public static class StateFolderCheck
{
    /// <summary>Null when the folder of <paramref name="statePath"/> is writable; otherwise why not.</summary>
    public static string? Problem(string statePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(statePath))!;
        var probe = Path.Combine(folder, $".octosync-probe-{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(statePath))
            {
                // The state itself is replaced by a rename, which needs the folder only; it must still be readable.
                using var read = new FileStream(statePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The state folder '{folder}' is not writable ({ex.Message}): fix its permissions or state.path in octosync.yaml. Nothing was written.";
        }
    }
}
