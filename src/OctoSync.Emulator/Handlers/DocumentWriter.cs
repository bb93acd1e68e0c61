using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// The one write path (POST and PUT) for every resource: server fields, secrets, names, slugs,
/// Version concurrency, the descriptor's own rules, then side effects.
/// </summary>
internal static class DocumentWriter
{
    public static JsonObject Create(SpaceContext space, ResourceDescriptor d, JsonObject body)
    {
        var doc = body.Clone();
        doc.Remove("Links");
        doc["Id"] = space.NextId(d);
        if (!d.SystemScoped)
        {
            doc["SpaceId"] = space.SpaceId;
        }

        Secrets.Merge(doc, null);
        var ctx = new WriteContext(space, d, doc, null);
        Validate(ctx);
        Stamp(doc);
        space.Put(d, doc);
        d.OnCreated?.Invoke(space, doc);
        return doc;
    }

    public static JsonObject Modify(SpaceContext space, ResourceDescriptor d, JsonObject existing, JsonObject body)
    {
        var doc = body.Clone();
        doc.Remove("Links");
        doc["Id"] = existing["Id"]!.DeepClone();
        if (!d.SystemScoped)
        {
            doc["SpaceId"] = space.SpaceId;
        }

        foreach (var field in d.ServerFields.Where(existing.ContainsKey))
        {
            doc[field] = existing[field]?.DeepClone();
        }

        if (d.VersionConflictSubject is { } subject)
        {
            if (doc["Version"] is null || doc.Int("Version") != existing.Int("Version"))
            {
                var message = ConflictMessage(subject);
                throw new ApiException(400, message, [message]);
            }

            doc["Version"] = existing.Int("Version") + 1;
        }

        if (d.BumpVersionOnModify)
        {
            doc["Version"] = existing.Int("Version") + 1;
        }

        if (d.HasSlugIn(space.Profile) && string.IsNullOrEmpty(doc.Str("Slug")))
        {
            doc["Slug"] = existing.Str("Slug");
        }

        Secrets.Merge(doc, existing);
        var ctx = new WriteContext(space, d, doc, existing);
        Validate(ctx);
        Stamp(doc);
        space.Put(d, doc);
        return doc;
    }

    /// <summary>The real server's wording (API notes §2.8); "these variables" / "the process".</summary>
    public static string ConflictMessage(string subject) =>
        $"Changes to {(subject == "the variables" ? "these variables" : subject)} could not be saved, because another user has made changes to {subject} between when you started editing and when you saved your changes. Please reload or open a new tab to make your changes.";

    private static void Validate(WriteContext ctx)
    {
        var d = ctx.Descriptor;
        var name = ctx.Doc.Str("Name");
        if (d.RequiresName)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                ctx.Errors.Add($"Please provide a name for the {d.ItemType}.");
            }
            else if ((d.NameCounts?.Invoke(ctx.Doc) ?? true) && Siblings(ctx).Any(x => string.Equals(x.Str("Name"), name, StringComparison.OrdinalIgnoreCase)))
            {
                ctx.Errors.Add($"A {d.ItemType} with the name '{name}' already exists. Please choose a different name.");
            }
        }

        if (d.HasSlugIn(ctx.Space.Profile) && string.IsNullOrEmpty(ctx.Doc.Str("Slug")) && name is not null)
        {
            var slug = Json.Slugify(name);
            var taken = Siblings(ctx).Select(x => x.Str("Slug")).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var candidate = slug;
            for (var n = 2; taken.Contains(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            ctx.Doc["Slug"] = candidate;
        }

        if (d.Definition is { } definition)
        {
            Resources.Definitions.InputNormaliser.Normalise(ctx.Doc, definition, ctx.Space.Profile, ctx.Errors);
        }

        d.Prepare?.Invoke(ctx);
        if (ctx.Errors.Count > 0)
        {
            throw ApiException.BadRequest(ctx.Errors);
        }
    }

    /// <summary>Other documents among which Name and Slug must be unique (space, or project for channels/runbooks).</summary>
    private static IEnumerable<JsonObject> Siblings(WriteContext ctx)
    {
        var others = ctx.Space.All(ctx.Descriptor).Where(x => !string.Equals(x.Str("Id"), ctx.Id, StringComparison.OrdinalIgnoreCase))
            .Where(x => ctx.Descriptor.NameCounts?.Invoke(x) ?? true);
        return ctx.Descriptor.NameScope is { } scope ? others.Where(x => x.Str(scope) == ctx.Doc.Str(scope)) : others;
    }

    /// <summary>
    /// Every Octopus resource carries `LastModifiedOn`/`LastModifiedBy` (Swagger 2021.2, e.g. ProjectResource), set by
    /// the server on each write to the time and the caller's username; a client cannot choose them.
    /// </summary>
    private static void Stamp(JsonObject doc)
    {
        doc["LastModifiedOn"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture);
        doc["LastModifiedBy"] = SpaceSeed.ApiUserName;
    }
}
