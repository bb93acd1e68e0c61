using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.Projects;

/// <summary>The project settings change and the candidate it was decided from (null when the project was skipped).</summary>
public sealed record ProjectSettings(Change Change, ObjectCandidate? Candidate);
