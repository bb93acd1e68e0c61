using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>One matched request: the space it addresses, route values, query and parsed body.</summary>
internal sealed record RouteCall(SpaceContext Space, IReadOnlyDictionary<string, string> Values, IQueryCollection Query, JsonNode? Body)
{
    /// <summary>Canonical path of the request (`/api/Spaces-1/projects`), used to build paging links.</summary>
    public required string CanonicalPath { get; init; }

    public string this[string name] => Values[name];

    public JsonObject BodyObject => Body as JsonObject
        ?? throw ApiException.BadRequest("No request body was supplied.");
}
