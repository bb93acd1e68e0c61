using System.Text.Json;
using System.Text.Json.Serialization;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Sync;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// The machine-readable form of <c>plan</c> and <c>apply</c> (<c>--output json</c>, <c>--out plan.json</c>): the
/// decisions, never the documents (they are the destination's data and may hold placeholders for secrets).
/// </summary>
public sealed record PlanDocument(string Command, IReadOnlyList<DestinationDocument> Destinations)
{
    /// <summary>
    /// The version of this document's shape (docs/schema/plan.schema.json). It goes up when a field is removed or
    /// changes meaning; new fields may appear within a version, so a reader ignores fields it does not know.
    /// </summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>First in the document, so that a reader can check it before anything else.</summary>
    [JsonPropertyOrder(-1)]
    public int FormatVersion => CurrentFormatVersion;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

public sealed record DestinationDocument(
    string Destination,
    string SourceSpace,
    string DestinationSpace,
    PlanSummary Summary,
    IReadOnlyList<EnvironmentMapping> EnvironmentMappings,
    IReadOnlyList<ChangeDocument> Changes,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<CleanupItem> Cleanup,
    IReadOnlyList<OutcomeDocument>? Applied = null)
{
    public static DestinationDocument Of(DestinationPlan planned, DestinationApplyResult? applied = null) => Of(planned.Plan, applied);

    /// <summary>A plan without what was read for it (a saved plan being applied).</summary>
    public static DestinationDocument Of(Plan plan, DestinationApplyResult? applied = null)
    {
        return new(plan.Destination, plan.SourceSpace, plan.DestinationSpace, PlanSummary.Of(plan), plan.EnvironmentMappings,
            plan.Changes.Select(ChangeDocument.Of).ToList(), plan.Diagnostics, plan.Cleanup,
            applied?.First.Outcomes.Concat(applied.Retry?.Outcomes ?? []).Where(o => o.Outcome != ApplyOutcome.NothingToDo).Select(OutcomeDocument.Of).ToList());
    }
}

public sealed record ChangeDocument(string Kind, string Key, ChangeAction Action, string Rule, string Reason, string? Owner, string? DestinationId, IReadOnlyList<ChangeDetail> Details)
{
    public static ChangeDocument Of(Change c) => new(c.Kind.ToString(), c.Key, c.Action, c.Rule, c.Reason, c.Owner, c.DestinationId, c.Details);
}

public sealed record OutcomeDocument(string Kind, string Key, ChangeAction Action, ApplyOutcome Outcome, string? Message, string? DestinationId)
{
    public static OutcomeDocument Of(ChangeOutcome o) => new(o.Change.Kind.ToString(), o.Change.Key, o.Change.Action, o.Outcome, o.Message, o.DestinationId);
}
