using System.Text.Json;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// What <c>--output json</c> prints on standard output when a command fails before it has a plan (configuration,
/// connection, API key, usage): a document a pipeline can parse, with the same <see cref="PlanDocument.CurrentFormatVersion"/>
/// and the one line of the error (never a stack trace, never a key). Its schema is in docs/schema/plan.schema.json.
/// </summary>
public sealed record ErrorDocument(string? Command, ErrorDocument.Failure Error)
{
    public int FormatVersion => PlanDocument.CurrentFormatVersion;

    /// <param name="Kind"><c>configuration</c>, <c>connection</c>, <c>usage</c>, <c>state</c>, <c>cancelled</c> or <c>error</c>.</param>
    public sealed record Failure(string Kind, string Message);

    public string ToJson() => JsonSerializer.Serialize(this, PlanDocument.Options);
}
