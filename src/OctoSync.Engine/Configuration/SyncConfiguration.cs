namespace OctoSync.Engine.Configuration;

/// <summary>
/// A loaded, validated and resolved <c>octosync.yaml</c> (spec §3): <c>${VAR}</c> expanded,
/// rules merged per destination and project. Produced by the configuration loader only.
/// </summary>
public sealed record SyncConfiguration
{
    /// <summary>The file it was loaded from (for messages).</summary>
    public required string FilePath { get; init; }
    public required OctopusConnection Source { get; init; }
    public required IReadOnlyList<DestinationConfiguration> Destinations { get; init; }
    public Selection Select { get; init; } = new();
    /// <summary>Folder of the per-destination state files.</summary>
    /// <value>Default <c>.octosync/state</c>, relative to the config file's folder.</value>
    public string StatePath { get; init; } = ".octosync/state";

    /// <summary>
    /// Key path → 1-based line of every key in the file (e.g. <c>destinations[prod].environments.Test</c> → 14),
    /// so checks made after the instances are read can still point at the line.
    /// </summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// How long connecting and each request may go without an answer (<c>timeout</c>; <c>--timeout</c> overrides).
    /// Null: the client's default (100 s).
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Risky but allowed settings, one line each (<c>file:line: key: message</c>), shown before a run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>URL, API key and space of one Octopus instance. <see cref="ToString"/> never shows the key.</summary>
public sealed record OctopusConnection(Uri Url, string ApiKey, string? Space)
{
    /// <summary>
    /// The client-side pace (<c>requestsPerMinute</c>): every request to this instance, reads and writes, retries
    /// included, waits for a token of one bucket per instance. Null = not paced (docs/configuration.md).
    /// </summary>
    public int? RequestsPerMinute { get; init; }

    public override string ToString() => $"{Url} (space {Space ?? "default"})";
}

public sealed record DestinationConfiguration
{
    /// <summary>Label used in the plan, the reports and the state file name.</summary>
    public required string Name { get; init; }
    public required OctopusConnection Connection { get; init; }
    /// <summary>Source environment name → destination environment name (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> Environments { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public RuleSet Rules { get; init; } = new();

    /// <summary>
    /// Environment and lifecycle names in force on this destination (its <c>environments:</c> mapping, and the
    /// <c>rescopeTo</c> and <c>lifecycleMap</c> entries of its merged rules), with where each was written.
    /// Checked against the instances by <see cref="ConfigurationChecks"/>.
    /// </summary>
    public IReadOnlyList<ConfigurationReference> References { get; init; } = [];

    /// <summary>Where this destination's sensitive values come from (<c>secrets:</c>, docs/secrets.md); sources as written, unresolved.</summary>
    public IReadOnlyList<Secrets.SecretMapping> Secrets { get; init; } = [];
}
