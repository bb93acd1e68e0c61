namespace OctoSync.Emulator;

/// <summary>Knobs of one emulated Octopus Server.</summary>
public sealed record EmulatorOptions
{
    /// <value>0 = any free port.</value>
    public int Port { get; init; }
    /// <summary>The key clients must send.</summary>
    /// <value>A new random key in Octopus's format (<c>API-</c> + 32 characters) for each options instance, so no fixed
    /// key ever works by accident and none is committed.</value>
    public string ApiKey { get; init; } = NewApiKey();
    public int LatencyMs { get; init; }
    /// <value>0 = no limit.</value>
    public int RateLimitPerMinute { get; init; }
    /// <value>Probability 0..1 of a random fault per request.</value>
    public double FaultRate { get; init; }
    public int FaultSeed { get; init; } = 1;
    public string? RequestLogPath { get; init; }

    public static string NewApiKey() => string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());
}
