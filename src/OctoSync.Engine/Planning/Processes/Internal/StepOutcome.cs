using System.Text.Json.Nodes;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// The decision for one step of the process.
/// </summary>
/// <param name="Name">Step name (the matching key).</param>
/// <param name="Document">The step as it will be in the process after apply (written or left); null when absent.</param>
/// <param name="Details">The step's detail first, then details about its actions.</param>
/// <param name="State">Its state updates (a rename also forgets the old name's entry).</param>
/// <param name="Cleanup">Placeholders written (only when the step is written).</param>
/// <param name="FromSource">True when a source step of this name exists (false for destination-only steps).</param>
internal sealed record StepOutcome(
    string Name,
    JsonObject? Document,
    IReadOnlyList<ChangeDetail> Details,
    IReadOnlyList<StateUpdate> State,
    IReadOnlyList<CleanupItem> Cleanup,
    bool FromSource);
