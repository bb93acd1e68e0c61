using System.Text;
using System.Text.Json;

namespace OctoSync.Engine.State;

/// <summary>
/// One line of a destination's state journal: the state updates of one write that succeeded, numbered by the
/// <see cref="SyncState.Serial"/> the state reaches once they are applied.
/// </summary>
public sealed record StateJournalEntry(long Serial, IReadOnlyList<StateUpdate> Updates);

/// <summary>
/// The journal beside a state file (<c>prod.json</c> → <c>prod.journal.jsonl</c>): during an apply each write that
/// succeeded is appended as one JSON line and flushed to disk before the next write starts, so an apply that is
/// killed (SIGKILL, power loss) loses at most the write in flight. Loading the state replays the journal on top of
/// the state file; saving the state (which then holds every journaled update) deletes it. Entries whose serial the
/// state file already reached are skipped, so a crash between the save and the delete replays nothing twice.
/// A last line without its newline is a write torn by the kill and is ignored; any other damaged line refuses the
/// state (<see cref="StateException"/>), as a damaged state file does.
/// </summary>
internal static class StateJournal
{
    private static readonly JsonSerializerOptions LineOptions = new(StateJson.Options) { WriteIndented = false };

    public static string PathFor(string statePath) => Path.ChangeExtension(statePath, ".journal.jsonl");

    public static void Append(string statePath, StateJournalEntry entry)
    {
        var path = PathFor(statePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = JsonSerializer.Serialize(entry, LineOptions) + "\n";
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The state with every journaled entry newer than its serial applied.</summary>
    public static SyncState Replay(string statePath, SyncState state)
    {
        var path = PathFor(statePath);
        if (!File.Exists(path))
        {
            return state;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateException(path, $"cannot be read: {ex.Message}", ex);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var last = i == lines.Length - 1;
            if (line.Length == 0)
            {
                continue;
            }

            StateJournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<StateJournalEntry>(line, LineOptions);
            }
            catch (JsonException ex)
            {
                if (last)
                {
                    // No newline after it: the process was killed while writing this line; the write it records is
                    // one the next plan sees on the destination and adopts.
                    break;
                }

                throw new StateException(path, $"is damaged at line {i + 1}: {ex.Message}", ex);
            }

            if (entry?.Updates is null)
            {
                throw new StateException(path, $"is damaged at line {i + 1}: an entry without updates");
            }

            if (entry.Serial > state.Serial)
            {
                state = state.With(entry.Updates) with { Serial = entry.Serial };
            }
        }

        return state;
    }

    public static void Delete(string statePath)
    {
        var path = PathFor(statePath);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
