using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoSync.Engine.State;

/// <summary>
/// Keeps one <see cref="SyncState"/> file per destination in a folder (default <c>.octosync/state/&lt;destination&gt;.json</c>).
/// Loading refuses anything it cannot trust (<see cref="StateException"/>); saving is atomic.
/// </summary>
public sealed class StateStore
{
    private readonly string folder;

    public StateStore(string folder) => this.folder = Path.GetFullPath(folder);

    /// <summary>The state file of <paramref name="destination"/>; the name is made safe for any file system.</summary>
    public string PathFor(string destination) => Path.Combine(folder, SafeFileName(destination) + ".json");

    /// <summary>The state of <paramref name="destination"/>; empty when there is no file yet (nothing written by OctoSync).</summary>
    public SyncState Load(string destination)
    {
        var path = PathFor(destination);
        if (!File.Exists(path))
        {
            return StateJournal.Replay(path, SyncState.Empty(destination));
        }

        FileBytes text;
        try
        {
            text = FileBytes.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateException(path, $"cannot be read: {ex.Message}", ex);
        }

        SyncState state;
        using (text)
        {
            state = Read(path, text.Span);
        }

        if (!string.Equals(state.Destination, destination, StringComparison.Ordinal))
        {
            throw new StateException(path, $"belongs to destination '{state.Destination}', not '{destination}'");
        }

        return StateJournal.Replay(path, state);
    }

    public void Save(SyncState state) => Save(state, (stream, s) => JsonSerializer.Serialize(stream, s, StateJson.Options));

    /// <summary>Saves with a given serializer (a seam for the test that a failing write keeps the old file).</summary>
    internal void Save(SyncState state, Action<Stream, SyncState> serialize)
    {
        var path = PathFor(state.Destination);
        AtomicFile.Write(path, stream => serialize(stream, state));
        // The saved state holds every journaled update (it was loaded with them and carries their serials).
        StateJournal.Delete(path);
    }

    /// <summary>The journal beside the state file of <paramref name="destination"/> (see <see cref="StateJournal"/>).</summary>
    public string JournalPathFor(string destination) => StateJournal.PathFor(PathFor(destination));

    /// <summary>Records the state updates of one write that succeeded, durably, before the next write starts.</summary>
    public void Append(string destination, StateJournalEntry entry) => StateJournal.Append(PathFor(destination), entry);

    /// <remarks>
    /// The file is identified by its top-level <c>format</c> and <c>formatVersion</c> first, so a foreign JSON file is
    /// named as such, then read as state from its UTF-8 bytes. (Issue #10: it was decoded to a string and parsed into a
    /// <see cref="JsonNode"/> tree before it was read, three copies of a state that is tens of megabytes at 500 projects.)
    /// </remarks>
    private static SyncState Read(string path, ReadOnlySpan<byte> text)
    {
        (string? Format, int? Version) header;
        try
        {
            header = Header(text);
        }
        catch (JsonException ex)
        {
            throw new StateException(path, $"is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}", ex);
        }

        if (header.Format != SyncState.Empty(string.Empty).Format)
        {
            throw new StateException(path, $"is not an OctoSync state file (\"format\" is {(header.Format is null ? "missing" : $"'{header.Format}'")}, expected 'octosync-state')");
        }

        if (header.Version is not { } readable || !SyncState.ReadableFormatVersions.Contains(readable))
        {
            throw new StateException(path, $"has format version {header.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}; this OctoSync reads versions {string.Join(", ", SyncState.ReadableFormatVersions)}");
        }

        try
        {
            SyncState state;
            using (SharedStrings.Reading())
            {
                state = JsonSerializer.Deserialize<SyncState>(SkipPreamble(text), StateJson.Options)!;
            }

            if (state.Destination is null || state.Objects is null || state.Variables is null || state.Variables.Values.Any(v => v is null))
            {
                throw new JsonException("\"destination\", \"objects\" and \"variables\" must not be null");
            }

            // Version 1 → 2: the identity fields are new and start empty (null); the next save writes version 2.
            return state with { FormatVersion = SyncState.CurrentFormatVersion };
        }
        catch (JsonException ex)
        {
            throw new StateException(path, $"is damaged: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The top-level <c>format</c> (a string, else null) and <c>formatVersion</c> (an integer, else null), reading the whole
    /// document once as JSON (so a file that is not JSON fails here, with its line) and materialising nothing else.
    /// </summary>
    private static (string? Format, int? Version) Header(ReadOnlySpan<byte> text)
    {
        var json = SkipPreamble(text);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain any JSON tokens.");
        }

        string? format = null;
        int? version = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFormat = reader.ValueTextEquals("format"u8);
                var isVersion = reader.ValueTextEquals("formatVersion"u8);
                reader.Read();
                if (isFormat)
                {
                    format = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (isVersion)
                {
                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : null;
                }

                reader.Skip();
            }
        }
        else
        {
            reader.Skip();
        }

        // The rest must be nothing but whitespace, as a whole-document parse demands.
        if (reader.Read())
        {
            throw new JsonException($"'{(char)json[(int)reader.TokenStartIndex]}' is invalid after a single JSON value. Expected end of data.");
        }

        return (format, version);
    }

    private static ReadOnlySpan<byte> SkipPreamble(ReadOnlySpan<byte> text) =>
        text.StartsWith(Encoding.UTF8.Preamble) ? text[Encoding.UTF8.Preamble.Length..] : text;

    private static string SafeFileName(string destination)
    {
        var safe = new string(destination.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        if (safe == destination && !destination.StartsWith('.') && destination.Length > 0)
        {
            return destination;
        }

        // Two names that sanitise alike ("prod/eu", "prod_eu") still get different files.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(destination)).AsSpan(0, 4));
        var stem = safe.TrimStart('.');
        return $"{(stem.Length == 0 ? "_" : stem)}-{hash}";
    }
}
