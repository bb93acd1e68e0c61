using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// Reference checks: the real server refuses a document naming an id that does not exist in the space
/// (400 with the missing id in Errors), so the emulator does too — a sync that leaks a source id fails loudly.
/// </summary>
internal static class References
{
    public static void Require(this WriteContext ctx, ResourceDescriptor target, string? id, string field)
    {
        if (string.IsNullOrEmpty(id))
        {
            ctx.Errors.Add($"{field} is required.");
        }
        else
        {
            ctx.Check(target, id, field);
        }
    }

    /// <summary>Checks an optional reference (null/empty is fine).</summary>
    public static void Check(this WriteContext ctx, ResourceDescriptor target, string? id, string field)
    {
        if (!string.IsNullOrEmpty(id) && ctx.Space.Find(target, id) is null)
        {
            ctx.Errors.Add($"{field}: the {target.ItemType} '{id}' does not exist in space {ctx.Space.SpaceId}.");
        }
    }

    public static void CheckAll(this WriteContext ctx, ResourceDescriptor target, IEnumerable<string> ids, string field)
    {
        foreach (var id in ids)
        {
            ctx.Check(target, id, field);
        }
    }

    public static void CheckAll(this WriteContext ctx, ResourceDescriptor target, JsonObject owner, string key, string? field = null) =>
        ctx.CheckAll(target, owner.Strings(key), field ?? key);

    /// <summary>Tenant tags are canonical names `TagSet/Tag`; each must name an existing tag.</summary>
    public static void CheckTags(this WriteContext ctx, IEnumerable<string> canonicalNames, string field)
    {
        var known = ctx.Space.All(Catalog.TagSets)
            .SelectMany(s => s.Objects("Tags"))
            .Select(t => t.Str("CanonicalTagName"))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in canonicalNames.Where(t => !known.Contains(t)))
        {
            ctx.Errors.Add($"{field}: the tag '{tag}' does not exist in space {ctx.Space.SpaceId}.");
        }
    }

    public static void CheckTags(this WriteContext ctx, JsonObject owner, string key) => ctx.CheckTags(owner.Strings(key), key);
}
