namespace OctoSync.Emulator;

/// <summary>One request the emulator served. <paramref name="Path"/> includes the query string with any `apikey` redacted;
/// <paramref name="Status"/> 0 means the emulator dropped the connection (a fault).</summary>
public sealed record RequestLogEntry(DateTimeOffset Time, string Method, string Path, int Status, double Milliseconds);
