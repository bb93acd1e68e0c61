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
    /// <summary>The Octopus Server version to be: `2021.2`, `2024.3` or `2026.3` (<see cref="ServerProfile"/>).</summary>
    /// <value><see cref="ServerProfile.Default"/> (2024.3).</value>
    public string ServerVersion { get; init; } = ServerProfile.Default.Name;
    /// <value>0 = no limit; null = the profile's default (2026.3: 200, the others: none).</value>
    public int? RateLimitPerMinute { get; init; }
    /// <value>Probability 0..1 of a random fault per request.</value>
    public double FaultRate { get; init; }
    public int FaultSeed { get; init; } = 1;
    public string? RequestLogPath { get; init; }
    /// <summary>The `InstallationId` `GET /api` reports. A real installation has its own GUID, made when it is installed
    /// (Swagger 2021.2 RootResource; the recorded 2019.7.12 root carries one), so two servers never share one.</summary>
    /// <value>null = a new random GUID for each server started; set it for a test that needs a stable one.</value>
    public string? InstallationId { get; init; }

    public static string NewApiKey() => string.Concat("API-", Guid.NewGuid().ToString("N").ToUpperInvariant());
}
