namespace OctoSync.Engine.Configuration;

/// <summary>What a name in the configuration refers to, and on which side it must exist.</summary>
public enum ConfigurationReferenceKind
{
    /// <summary>A key of <c>environments:</c> (a source environment).</summary>
    SourceEnvironment,

    /// <summary>A value of <c>environments:</c> or a <c>rescopeTo</c> entry (a destination environment).</summary>
    DestinationEnvironment,

    /// <summary>A key of <c>lifecycleMap</c>.</summary>
    SourceLifecycle,

    /// <summary>A value of <c>lifecycleMap</c>.</summary>
    DestinationLifecycle,
}

/// <summary>
/// A name written in the configuration that can only be checked once the instances have been read
/// (<see cref="ConfigurationChecks"/>), with where it was written so the error can point at it.
/// </summary>
/// <param name="KeyPath">Key path of the entry, e.g. <c>destinations[prod].environments.Test</c>.</param>
/// <param name="Line">1-based line in the configuration file.</param>
public sealed record ConfigurationReference(ConfigurationReferenceKind Kind, string Name, string KeyPath, int Line);
