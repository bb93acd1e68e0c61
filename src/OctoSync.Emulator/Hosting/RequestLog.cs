using System.Text.Json;
using System.Text.RegularExpressions;

namespace OctoSync.Emulator.Hosting;

/// <summary>Every request served, in memory and optionally as JSON lines in a file. Never holds the API key.</summary>
internal sealed partial class RequestLog(string? filePath)
{
    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];

    [GeneratedRegex("(?<=[?&])apikey=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyParameter();

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    /// <summary>Path plus query with the `apikey` value replaced by `***`.</summary>
    public static string Redact(string pathAndQuery) => ApiKeyParameter().Replace(pathAndQuery, "apikey=***");

    public void Add(RequestLogEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
            if (filePath is not null)
            {
                var line = JsonSerializer.Serialize(new
                {
                    time = entry.Time,
                    method = entry.Method,
                    path = entry.Path,
                    status = entry.Status,
                    ms = Math.Round(entry.Milliseconds, 2),
                });
                File.AppendAllText(filePath, line + Environment.NewLine);
            }
        }
    }
}
