using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>The filters every list shares (`ids`, `name`, `partialName`) plus the resource's own, then the sort.</summary>
internal static class CollectionQuery
{
    public static IEnumerable<JsonObject> Apply(ResourceDescriptor d, IEnumerable<JsonObject> docs, IQueryCollection query, ServerProfile profile)
    {
        // A server ignores query parameters its route does not declare: the 2021.2 Swagger lists only skip/take on
        // runbookProcesses, so `ids=` there returns the whole (paged) collection.
        var honoursIds = d != Catalog.RunbookProcesses || profile.RunbookProcessesIdsFilter;
        if (honoursIds && query.TryGetValue("ids", out var ids) && Filters.Values(ids).ToHashSet(StringComparer.OrdinalIgnoreCase) is { Count: > 0 } wanted)
        {
            docs = docs.Where(x => wanted.Contains(x.Str("Id") ?? ""));
        }

        if (query.TryGetValue("partialName", out var partial) && !string.IsNullOrEmpty(partial))
        {
            docs = docs.Where(x => (x.Str("Name") ?? "").Contains(partial.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        if (query.TryGetValue("name", out var name) && !string.IsNullOrEmpty(name))
        {
            docs = d.NameIsPartial
                ? docs.Where(x => (x.Str("Name") ?? "").Contains(name.ToString(), StringComparison.OrdinalIgnoreCase))
                : docs.Where(x => string.Equals(x.Str("Name"), name.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        foreach (var (key, filter) in d.Filters)
        {
            if (query.TryGetValue(key, out var raw) && Filters.Values(raw).Any())
            {
                docs = docs.Where(x => filter(x, raw));
            }
        }

        return Sort(d, docs);
    }

    public static IEnumerable<JsonObject> Sort(ResourceDescriptor d, IEnumerable<JsonObject> docs) => d.Sort switch
    {
        SortBy.SortOrder => docs.OrderBy(x => x.Int("SortOrder")).ThenBy(x => x.Str("Name"), StringComparer.OrdinalIgnoreCase),
        SortBy.Id => docs.OrderBy(x => x.Str("Id"), IdComparer.Instance),
        _ => docs.OrderBy(x => x.Str("Name"), StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Str("Id"), IdComparer.Instance),
    };

    /// <summary>The paging envelope (`ResourceCollection`) with its `Page.*` links.</summary>
    public static JsonObject Page(RouteCall call, ResourceDescriptor d, IReadOnlyList<JsonObject> items)
    {
        var skip = Math.Max(0, ParseInt(call.Query, "skip", 0));
        var take = Math.Max(0, ParseInt(call.Query, "take", 30));
        var total = items.Count;
        var pages = take == 0 ? 0 : (int)Math.Ceiling(total / (double)take);
        var page = items.Skip(skip).Take(take).ToList();
        var links = new JsonObject
        {
            ["Self"] = Link(call, skip, take),
            ["Template"] = call.CanonicalPath + d.TemplateQuery,
            ["Page.All"] = Link(call, 0, int.MaxValue),
        };
        if (skip > 0)
        {
            links["Page.Previous"] = Link(call, Math.Max(0, skip - take), take);
        }

        if (take > 0 && skip + take < total)
        {
            links["Page.Next"] = Link(call, skip + take, take);
        }

        links["Page.Current"] = Link(call, skip, take);
        links["Page.Last"] = Link(call, Math.Max(0, (pages - 1) * take), take);
        return new JsonObject
        {
            ["ItemType"] = d.ItemType,
            ["TotalResults"] = total,
            ["ItemsPerPage"] = take,
            ["NumberOfPages"] = pages,
            ["LastPageNumber"] = Math.Max(0, pages - 1),
            ["Items"] = Presenter.PresentAll(call.Space, d, page),
            ["Links"] = links,
        };
    }

    /// <summary>Keeps the caller's filters (never the api key) so following `Page.Next` stays on the same query.</summary>
    private static string Link(RouteCall call, int skip, int take)
    {
        var filters = call.Query
            .Where(q => !q.Key.Equals("skip", StringComparison.OrdinalIgnoreCase)
                && !q.Key.Equals("take", StringComparison.OrdinalIgnoreCase)
                && !q.Key.Equals("apikey", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return $"{call.CanonicalPath}?{string.Join('&', filters.Append($"skip={skip}").Append($"take={take}"))}";
    }

    private static int ParseInt(IQueryCollection query, string key, int fallback) =>
        query.TryGetValue(key, out var raw) && int.TryParse(raw.ToString(), out var value) ? value : fallback;
}
