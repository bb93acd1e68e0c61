namespace OctoSync.Engine.Snapshot;

/// <summary>
/// One step of reading a space finished: <paramref name="Step"/> names it (<c>projects</c>,
/// <c>deployment processes</c>), <paramref name="Done"/> of <paramref name="Total"/> steps are finished.
/// </summary>
public sealed record ReadProgress(string Step, int Done, int Total);
