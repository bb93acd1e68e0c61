using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Reporting;

/// <summary>One step of a process: its scoping on the source and on the destination afterwards, and the decision about it.</summary>
/// <param name="Decision">Null when the plan says nothing about the step (e.g. a process that was not planned).</param>
public sealed record StepRow(
    string Name, string ActionType, string SourceScope, string DestinationScope, ChangeAction? Decision, string Rule, string Reason, bool IsDrift);
