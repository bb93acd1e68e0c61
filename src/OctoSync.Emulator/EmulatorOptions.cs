namespace OctoSync.Emulator;

/// <summary>Knobs of one emulated Octopus Server.</summary>
public sealed record EmulatorOptions
{
    /// <value>0 = any free port.</value>
    public int Port { get; init; }
    public string ApiKey { get; init; } = "API-EMULATOR0000000000000000000";
    public int LatencyMs { get; init; }
    /// <value>0 = no limit.</value>
    public int RateLimitPerMinute { get; init; }
    /// <value>Probability 0..1 of a random fault per request.</value>
    public double FaultRate { get; init; }
    public int FaultSeed { get; init; } = 1;
    public string? RequestLogPath { get; init; }
}
