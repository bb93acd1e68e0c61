using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Handlers;

/// <summary>Turns a stored document into what the API returns: links added, secrets removed, read-only views computed.</summary>
internal static class Presenter
{
    public static JsonObject Present(SpaceContext space, ResourceDescriptor d, JsonObject stored)
    {
        // One pass copies and redacts (a deep clone followed by a redaction walk doubled the cost of large lists).
        var doc = (JsonObject)Secrets.RedactedCopy(stored)!;
        var id = doc.Str("Id")!;
        var links = new JsonObject { ["Self"] = space.SelfPath(d, id) };
        var spaceId = d.SystemScoped ? space.SpaceId : doc.Str("SpaceId") ?? space.SpaceId;
        foreach (var (name, href) in d.ExtraLinks?.Invoke(spaceId, doc) ?? [])
        {
            links[name] = href;
        }

        doc["Links"] = links;
        if (d == Catalog.Variables)
        {
            VariableSetView.Complete(space, doc);
        }

        return doc;
    }

    public static JsonArray PresentAll(SpaceContext space, ResourceDescriptor d, IEnumerable<JsonObject> docs) =>
        new(docs.Select(x => (JsonNode?)Present(space, d, x)).ToArray());
}
