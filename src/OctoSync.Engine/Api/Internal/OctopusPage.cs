using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// One page of a collection: a bare array (<c>/all</c>) or Octopus's envelope
/// <c>{"Items": [...], "Links": {"Page.Next": "..."}}</c>.
/// </summary>
internal sealed record OctopusPage(IReadOnlyList<JsonObject> Documents, string? Next)
{
    public static OctopusPage? Read(JsonNode? node) => node switch
    {
        JsonArray array => new OctopusPage(Detach(array), null),
        JsonObject obj when obj["Items"] is JsonArray items => new OctopusPage(Detach(items), obj.Obj("Links")?.Str("Page.Next")),
        _ => null,
    };

    /// <summary>The documents without their parent array, so callers may put them into other JSON trees.</summary>
    private static List<JsonObject> Detach(JsonArray array)
    {
        var documents = array.Objects().ToList();
        array.Clear();
        return documents;
    }
}
