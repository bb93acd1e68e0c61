using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>One object to decide: its source, its destination match, and the managed fields it should have.</summary>
public sealed record ObjectCandidate
{
    public required ResourceKind Kind { get; init; }

    /// <summary>The source object's Id, recorded in the state as its identity (null when not known).</summary>
    public string? SourceId { get; init; }

    /// <summary>The destination key (a name; after any mapping).</summary>
    public required string Key { get; init; }

    /// <summary>The name to create the object with when it differs from the source's (a mapped default channel).</summary>
    public string? Name { get; init; }

    /// <summary>The source document, already id-translated (used as the base of a create).</summary>
    public required JsonObject TranslatedSource { get; init; }

    /// <summary>The destination document matched by name, or null.</summary>
    public JsonObject? Destination { get; init; }

    /// <summary>The managed fields, translated (destination ids or tokens), as they should be on the destination.</summary>
    public required JsonObject Desired { get; init; }

    /// <summary>Server-computed or identity fields removed from a document to be created (besides Id, SpaceId, Links, Slug, LastModified*).</summary>
    public IReadOnlyCollection<string> ServerFields { get; init; } = [];

    /// <summary>Fields set on a document to be created only (e.g. a channel's ProjectId).</summary>
    public JsonObject? CreateOnly { get; init; }

    /// <summary>The base to assume when the state has none: for objects that come with an owner this plan creates
    /// (a new project's default channel), which are OctoSync's from the start.</summary>
    public string? AssumedBase { get; init; }

    /// <summary>Items of list fields a person added on the destination, kept in <see cref="Desired"/> but not OctoSync's
    /// (a library set included by hand): left out of every fingerprint, so they are merged, never drift.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>>? LocalAdditions { get; init; }

    public required SyncRules Rules { get; init; }
    public string? Owner { get; init; }
    public IReadOnlyList<ChangeDetail> Details { get; init; } = [];

    /// <summary>Who the clean-up report names, e.g. <c>account "Azure Dev"</c>.</summary>
    public string Subject => KindWords.Subject(Kind, Key);
}
