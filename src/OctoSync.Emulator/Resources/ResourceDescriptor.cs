using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace OctoSync.Emulator.Resources;

/// <summary>Which collection endpoints a resource has on the real server.</summary>
[Flags]
internal enum Operations
{
    None = 0,
    List = 1,
    All = 2,
    Get = 4,
    Create = 8,
    Modify = 16,
    Delete = 32,
    Read = List | All | Get,
    Crud = Read | Create | Modify | Delete,
}

/// <summary>How a collection is ordered (Octopus sorts most lists by Name, environments by SortOrder).</summary>
internal enum SortBy
{
    Name,
    SortOrder,
    Id,
}

/// <summary>
/// Everything the generic collection handlers need to know about one kind of resource: one row of
/// <see cref="Catalog"/> instead of a hand-written set of endpoints per resource.
/// </summary>
internal sealed record ResourceDescriptor(string Collection, string IdPrefix, string ItemType)
{
    public Operations Operations { get; init; } = Operations.Crud;

    /// <summary>System resources (spaces, teams, users) live outside any space.</summary>
    public bool SystemScoped { get; init; }

    public SortBy Sort { get; init; } = SortBy.Name;

    public bool RequiresName { get; init; } = true;

    /// <summary>Property within which Name must be unique (channels: per ProjectId); null = per space.</summary>
    public string? NameScope { get; init; }

    /// <summary>Which documents a new name must differ from (all when null): archived certificates do not count.</summary>
    public Func<JsonObject, bool>? NameCounts { get; init; }

    public bool HasSlug { get; init; }

    /// <summary>The Swagger definition a stored document is completed from (<see cref="Definitions.ResourceDefinitions"/>).</summary>
    public string? Definition { get; init; }

    /// <summary>Slugs are generated and looked up only where the profile's resource has one (2021.2: projects only).</summary>
    public bool HasSlugIn(ServerProfile profile) => HasSlug && (profile.SlugsBeyondProjects || Collection == "projects");

    /// <summary>
    /// `name=` as a contains match instead of an exact one (Swagger 2021.2 documents tenants' obsolete `name` as
    /// "a 'contains' style match"; environments and others advertise `name` for the exact name).
    /// </summary>
    public bool NameIsPartial { get; init; }

    /// <summary>PUT must carry the stored Version (optimistic concurrency); success increments it.</summary>
    public string? VersionConflictSubject { get; init; }

    /// <summary>Version bumped on every PUT without a concurrency check (action templates).</summary>
    public bool BumpVersionOnModify { get; init; }

    /// <summary>Server-computed fields a PUT cannot change (copied from the stored document).</summary>
    public IReadOnlyList<string> ServerFields { get; init; } = [];

    /// <summary>Resource-specific query filters (`feedType`, `roles`, ...) beyond ids/name/partialName.</summary>
    public IReadOnlyDictionary<string, Func<JsonObject, StringValues, bool>> Filters { get; init; } =
        new Dictionary<string, Func<JsonObject, StringValues, bool>>();

    /// <summary>Query parameters advertised in the link template after `{/id}`.</summary>
    public string TemplateQuery { get; init; } = "{?skip,take,ids,partialName}";

    /// <summary>Name of the space-root link to this collection (null = not advertised).</summary>
    public string? LinkName { get; init; }

    /// <summary>Normalises and validates a document being written; adds to <see cref="WriteContext.Errors"/>.</summary>
    public Action<WriteContext>? Prepare { get; init; }

    public Action<SpaceContext, JsonObject>? OnCreated { get; init; }

    public Action<SpaceContext, JsonObject>? OnDeleted { get; init; }

    /// <summary>Returns why a document cannot be deleted, or null.</summary>
    public Func<SpaceContext, JsonObject, string?>? DeleteGuard { get; init; }

    /// <summary>Links beyond Self (project: Channels, Variables, DeploymentProcess ...).</summary>
    public Func<string, JsonObject, IEnumerable<KeyValuePair<string, string>>>? ExtraLinks { get; init; }

    public bool Can(Operations op) => (Operations & op) == op;
}
