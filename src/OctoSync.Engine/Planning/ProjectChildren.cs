using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning;

/// <summary>
/// The documents of one snapshot collection (channels, runbooks) grouped by their <c>ProjectId</c>, built once per
/// run: a scan of the whole collection for every project grew with projects × documents (issue #10; 14% of planning
/// at 500 projects). Within a project the documents keep the collection's order, as the scan returned them.
/// </summary>
public sealed class ProjectChildren
{
    private readonly ILookup<string, JsonObject> _byProject;

    /// <param name="documents">The collection, in the order it was read.</param>
    /// <param name="comparer">How project ids are compared: the planner's own rule (channels match exactly, runbooks ignoring case).</param>
    public ProjectChildren(IEnumerable<JsonObject> documents, StringComparer comparer) =>
        _byProject = documents.Select(d => (Document: d, ProjectId: d.Str("ProjectId")))
            .Where(d => d.ProjectId is not null)
            .ToLookup(d => d.ProjectId!, d => d.Document, comparer);

    /// <summary>The documents whose <c>ProjectId</c> is <paramref name="projectId"/>, in collection order; empty when none.</summary>
    public IEnumerable<JsonObject> Of(string? projectId) => projectId is null ? [] : _byProject[projectId];
}
