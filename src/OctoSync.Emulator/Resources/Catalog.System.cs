using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Spaces => field ??= new("spaces", "Spaces", "Space")
    {
        Definition = "SpaceResource",
        SystemScoped = true,
        HasSlug = true,
        TemplateQuery = "{?name,skip,ids,take,partialName}",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("IsDefault", false);
            ctx.Doc.Default("TaskQueueStopped", false);
            ctx.Doc.Default("SpaceManagersTeams", new JsonArray());
            ctx.Doc.Default("SpaceManagersTeamMembers", new JsonArray());
        },
        OnCreated = (space, doc) => SpaceSeed.Seed(space.Store, doc.Str("Id")!),
        OnDeleted = (space, doc) => space.Store.RemoveSpace(doc.Str("Id")!),
        DeleteGuard = (space, doc) => doc.Bool("IsDefault") ? "The default space cannot be deleted." : null,
        ExtraLinks = (_, doc) =>
        [
            new("SpaceHome", $"/api/{doc.Str("Id")}"),
            new("Web", $"/app#/{doc.Str("Id")}"),
            new("Logo", $"/api/spaces/{doc.Str("Id")}/logo"),
        ],
    };

    public static ResourceDescriptor Teams => field ??= new("teams", "Teams", "Team")
    {
        Definition = "TeamResource",
        SystemScoped = true,
        TemplateQuery = "{?skip,take,ids,partialName,spaces,includeSystem}",
        Filters = Filters.Of(("spaces", (doc, raw) => doc.Str("SpaceId") is not { } s || Filters.Values(raw).Contains(s, StringComparer.OrdinalIgnoreCase))),
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("MemberUserIds", new JsonArray());
            ctx.Doc.Default("ExternalSecurityGroups", new JsonArray());
            ctx.Doc.Default("CanBeDeleted", true);
            ctx.Doc.Default("CanBeRenamed", true);
            ctx.Doc.Default("CanChangeMembers", true);
            ctx.Doc.Default("CanChangeRoles", true);
            ctx.Doc.Default("SpaceId", null);
        },
        DeleteGuard = (space, doc) => doc["CanBeDeleted"] is JsonValue v && !v.GetValue<bool>() ? "This team cannot be deleted." : null,
    };

    public static ResourceDescriptor Users => field ??= new("users", "Users", "User")
    {
        Definition = "UserResource",
        SystemScoped = true,
        RequiresName = false,
        TemplateQuery = "{?skip,take,ids,filter}",
        Prepare = ctx =>
        {
            if (string.IsNullOrWhiteSpace(ctx.Doc.Str("Username")))
            {
                ctx.Errors.Add("Username is required.");
            }

            ctx.Doc.Default("DisplayName", ctx.Doc.Str("Username"));
            ctx.Doc.Default("IsActive", true);
            ctx.Doc.Default("IsService", false);
        },
        ExtraLinks = (_, doc) => [new("Spaces", $"/api/users/{doc.Str("Id")}/spaces"), new("Teams", $"/api/users/{doc.Str("Id")}/teams{{?spaces,includeSystem}}")],
    };

    /// <summary>The built-in package repository: the packages pushed with `POST /packages/raw` (Handlers/PackageUploadHandler).</summary>
    public static ResourceDescriptor Packages => field ??= new("packages", "packages", "Package")
    {
        Operations = Operations.List | Operations.Get,
        LinkName = "Packages",
        TemplateQuery = "{?nuGetPackageId,filter,latest,skip,take,includeNotes}",
    };

    /// <summary>The community library needs the internet; the emulator answers with an empty library.</summary>
    public static ResourceDescriptor CommunityActionTemplates => field ??= new("communityactiontemplates", "CommunityActionTemplates", "CommunityActionTemplate")
    {
        SystemScoped = true,
        Operations = Operations.List | Operations.Get,
        TemplateQuery = "{?skip,take,ids}",
    };
}
