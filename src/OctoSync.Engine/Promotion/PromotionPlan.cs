using OctoSync.Engine.Api;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Promotion;

/// <summary>What a promotion found and would do; <see cref="Promoter.ExecuteAsync"/> does it. Holds the destination's client.</summary>
public sealed class PromotionPlan : IDisposable
{
    internal PromotionPlan(IOctopusSpaceClient destinationClient) => DestinationClient = destinationClient;

    internal IOctopusSpaceClient DestinationClient { get; }

    public required string Destination { get; init; }
    public required string Project { get; init; }
    public required string Version { get; init; }
    public required string SourceChannel { get; init; }
    public required string? DestinationChannel { get; init; }
    public string? ReleaseNotes { get; init; }

    /// <summary>The destination project's pending changes in the sync plan: any is a refusal (the project is not in sync).</summary>
    public IReadOnlyList<Change> PendingChanges { get; init; } = [];

    public IReadOnlyList<PackageCheck> Packages { get; init; } = [];

    public required ProcessComparison Process { get; init; }

    /// <summary>The destination environment to deploy to (its name), or null.</summary>
    public string? DeployTo { get; init; }

    /// <summary>Why the promotion cannot go ahead; empty when it can.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The release already exists on the destination with the same packages: nothing to create.</summary>
    public string? ExistingReleaseId { get; init; }

    /// <summary>The release was already deployed to <see cref="DeployTo"/>: nothing to deploy.</summary>
    public bool AlreadyDeployed { get; init; }

    public bool CreatesRelease => ExistingReleaseId is null;

    public bool Deploys => DeployTo is not null && !AlreadyDeployed;

    public bool HasWrites => Problems.Count == 0 && (CreatesRelease || Deploys);

    internal string DestinationProjectId { get; init; } = "";
    internal string? DestinationChannelId { get; init; }
    internal string? DeployToId { get; init; }
    internal IReadOnlyList<PackageCheck> Selected => Packages.Where(p => p.Status == PackageStatus.Found).ToList();

    public void Dispose() => (DestinationClient as IDisposable)?.Dispose();
}

/// <summary>What <see cref="Promoter.ExecuteAsync"/> did.</summary>
public sealed record PromotionResult(string ReleaseId, bool ReleaseCreated, string? DeploymentId, string? TaskId, string? TaskState);
