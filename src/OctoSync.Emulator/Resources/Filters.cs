using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace OctoSync.Emulator.Resources;

/// <summary>Builders for resource-specific query filters; comma lists and repeated parameters both work.</summary>
internal static class Filters
{
    public static IEnumerable<string> Values(StringValues raw) =>
        raw.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>`?feedType=NuGet`: the property equals one of the values.</summary>
    public static Func<JsonObject, StringValues, bool> PropertyIn(string property) =>
        (doc, raw) => Values(raw).Contains(doc.Str(property) ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>`?roles=web,db`: the array property shares at least one value.</summary>
    public static Func<JsonObject, StringValues, bool> ArrayIntersects(string property) =>
        (doc, raw) => doc.Strings(property).Intersect(Values(raw), StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>`?tags=Region/EU,Tier/Gold`: the array property holds all the values.</summary>
    public static Func<JsonObject, StringValues, bool> ArrayContainsAll(string property) =>
        (doc, raw) => Values(raw).All(v => doc.Strings(property).Contains(v, StringComparer.OrdinalIgnoreCase));

    public static Func<JsonObject, StringValues, bool> BoolEquals(string property) =>
        (doc, raw) => bool.TryParse(raw.ToString(), out var b) && doc.Bool(property) == b;

    public static Dictionary<string, Func<JsonObject, StringValues, bool>> Of(
        params (string Query, Func<JsonObject, StringValues, bool> Filter)[] filters) =>
        filters.ToDictionary(f => f.Query, f => f.Filter, StringComparer.OrdinalIgnoreCase);
}
