using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying;

/// <summary>The outcome of one change.</summary>
/// <param name="Change">The planned change.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why it failed or was skipped (the Octopus API message for a refused write); null when applied.</param>
/// <param name="DestinationId">The id written to (for a create: the new id), when known.</param>
public sealed record ChangeOutcome(Change Change, ApplyOutcome Outcome, string? Message = null, string? DestinationId = null)
{
    /// <summary>"Project OctoFx", "Channel OctoFx/Dev only": how messages name the object.</summary>
    public string Subject => $"{Change.Kind} {Change.Key}";
}
