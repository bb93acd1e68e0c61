namespace OctoSync.Engine.Sync;

/// <summary>
/// A destination that could not be planned — locked by another run, its state folder not writable, unreachable,
/// unreadable, its state damaged or written for another instance. The other destinations proceed (issue #9 item 6).
/// </summary>
/// <param name="Stage"><c>lock</c>, <c>state</c>, <c>connect</c>, <c>read</c> or <c>apply</c>.</param>
public sealed record DestinationFailure(string Destination, string Stage, string Message);
