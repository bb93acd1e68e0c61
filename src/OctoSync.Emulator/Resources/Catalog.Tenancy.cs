using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Tenants => field ??= new("tenants", "Tenants", "Tenant")
    {
        Definition = "TenantResource",
        HasSlug = true,
        LinkName = "Tenants",
        TemplateQuery = "{?skip,projectId,name,tags,take,ids,partialName}",
        NameIsPartial = true,
        Filters = Filters.Of(
            ("projectId", (doc, raw) => doc["ProjectEnvironments"] is JsonObject pe && Filters.Values(raw).Any(pe.ContainsKey)),
            ("tags", Filters.ArrayContainsAll("TenantTags"))),
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", null);
            ctx.Doc.Default("IsDisabled", false);
            ctx.Doc.Default("TenantTags", new JsonArray());
            ctx.Doc.Default("ProjectEnvironments", new JsonObject());
            ctx.CheckTags(ctx.Doc, "TenantTags");
            if (ctx.Doc["ProjectEnvironments"] is JsonObject projectEnvironments)
            {
                foreach (var (projectId, environments) in projectEnvironments)
                {
                    ctx.Check(Projects, projectId, "ProjectEnvironments");
                    var values = environments as JsonArray ?? [];
                    var ids = values.Select(e => e is JsonValue v && v.TryGetValue<string>(out var id) ? id : null).ToList();
                    if (ids.Contains(null))
                    {
                        ctx.Errors.Add($"ProjectEnvironments[{projectId}] must be a list of environment ids.");
                    }

                    ctx.CheckAll(Environments, ids.OfType<string>(), $"ProjectEnvironments[{projectId}]");
                }
            }
        },
        ExtraLinks = (space, doc) =>
        [
            new("Variables", $"/api/{space}/tenants/{doc.Str("Id")}/variables"),
            new("Logo", $"/api/{space}/tenants/{doc.Str("Id")}/logo"),
        ],
    };

    public static ResourceDescriptor TagSets => field ??= new("tagsets", "TagSets", "TagSet")
    {
        Definition = "TagSetResource",
        Sort = SortBy.SortOrder,
        LinkName = "TagSets",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("SortOrder", ctx.Space.All(TagSets).Select(e => e.Int("SortOrder") + 1).DefaultIfEmpty(0).Max());
            ctx.Doc.Default("Tags", new JsonArray());
            AssignTagIds(ctx);
            RefuseRemovingUsedTags(ctx);
        },
    };

    /// <summary>A tag that tenants (or other tenanted resources) use cannot be removed from its set, as on the portal.</summary>
    private static void RefuseRemovingUsedTags(WriteContext ctx)
    {
        if (ctx.Existing is null)
        {
            return;
        }

        var kept = ctx.Doc.Objects("Tags").Select(t => t.Str("Id")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var removed in ctx.Existing.Objects("Tags").Where(t => !kept.Contains(t.Str("Id") ?? "")))
        {
            var canonical = removed.Str("CanonicalTagName");
            var users = ctx.Space.All(Tenants).Where(t => t.Strings("TenantTags").Contains(canonical, StringComparer.OrdinalIgnoreCase))
                .Select(t => t.Str("Name")).ToList();
            if (users.Count > 0)
            {
                ctx.Errors.Add($"The tag '{canonical}' is used by {users.Count} tenant(s) ({string.Join(", ", users)}) and cannot be removed.");
            }
        }
    }

    /// <summary>Tags get server ids `TagSets-1-1`... and the canonical name `Set/Tag` other resources refer to.</summary>
    private static void AssignTagIds(WriteContext ctx)
    {
        var setName = ctx.Doc.Str("Name");
        var tags = ctx.Doc.Objects("Tags").ToList();
        var used = tags.Select(t => t.Str("Id")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var next = 1;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, index) in tags.Select((t, i) => (t, i)))
        {
            if (string.IsNullOrEmpty(tag.Str("Id")) || !tag.Str("Id")!.StartsWith(ctx.Id + "-", StringComparison.OrdinalIgnoreCase))
            {
                while (used.Contains($"{ctx.Id}-{next}"))
                {
                    next++;
                }

                tag["Id"] = $"{ctx.Id}-{next}";
                used.Add($"{ctx.Id}-{next}");
            }

            if (string.IsNullOrWhiteSpace(tag.Str("Name")))
            {
                ctx.Errors.Add("Tag Name is required.");
            }
            else if (!names.Add(tag.Str("Name")!))
            {
                ctx.Errors.Add($"Tag names must be unique within a tag set: '{tag.Str("Name")}'.");
            }

            tag["CanonicalTagName"] = $"{setName}/{tag.Str("Name")}";
            tag.Default("Color", "#333333");
            tag.Default("Description", "");
            tag.Default("SortOrder", index);
        }
    }
}
