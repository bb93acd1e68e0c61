using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Objects;

/// <summary>Tenant tags are portable (<c>Set/Tag</c>), but only tags that exist on the destination can be written.</summary>
public static class Tags
{
    /// <summary>The canonical tags of <paramref name="tags"/> that will exist on the destination.</summary>
    public static JsonArray Available(PlanningSession session, JsonArray tags) =>
        tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .Where(t => t is not null && session.AvailableTags.Contains(t))
            .Select(t => t!).ToJsonArray();
}
