using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying;

/// <summary>Reported once per writing change, after it finished.</summary>
/// <param name="Done">Writing changes finished so far (1-based).</param>
/// <param name="Total">Writing changes in the plan.</param>
public sealed record ApplyProgress(int Done, int Total, Change Change, ApplyOutcome Outcome);
