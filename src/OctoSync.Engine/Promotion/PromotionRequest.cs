namespace OctoSync.Engine.Promotion;

/// <summary>What <c>octosync promote</c> was asked: one release of one project, to one destination.</summary>
/// <param name="Project">The project's name (the same on both sides: projects are matched by name).</param>
/// <param name="Version">The release version on the source.</param>
/// <param name="Destination">The destination's name in the file; null = the only destination.</param>
/// <param name="Channel">The destination channel's name; null = the channel of the same name as the source release's.</param>
/// <param name="DeployTo">An environment to deploy the new release to: a destination environment's name, or a source
/// environment's name mapped by the destination's <c>environments:</c>; null = create the release only.</param>
public sealed record PromotionRequest(string Project, string Version, string? Destination = null, string? Channel = null, string? DeployTo = null);
