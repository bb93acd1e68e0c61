namespace OctoSync.Engine.Promotion;

/// <summary>Whether one package version the source release selected can be deployed by the destination.</summary>
public enum PackageStatus
{
    /// <summary>The destination's feed has the version.</summary>
    Found,
    /// <summary>The destination's feed does not have the version: the promotion is refused.</summary>
    Missing,
    /// <summary>The destination's process has no step that deploys this package (skipped by a rule): not selected there.</summary>
    NotDeployed,
}

/// <summary>One selected package of the source release, checked against the destination.</summary>
/// <param name="Action">The action (step) that deploys it.</param>
/// <param name="PackageReference">The package reference's name; empty for the action's primary package.</param>
/// <param name="Feed">The destination feed's name (the source's when the package is not deployed there).</param>
public sealed record PackageCheck(string Action, string PackageReference, string PackageId, string Version, string? Feed, PackageStatus Status)
{
    public string Describe() => Status switch
    {
        PackageStatus.Found => $"{PackageId} {Version} ({Action}): in feed '{Feed}'",
        PackageStatus.Missing => $"{PackageId} {Version} ({Action}): NOT in feed '{Feed}' on the destination",
        _ => $"{PackageId} {Version} ({Action}): not deployed on the destination (the step is not in its process)",
    };
}
