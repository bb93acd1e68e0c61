using System.Text.Json.Nodes;
using OctoSync.Emulator.Handlers;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Routing;

/// <summary>
/// Space-level teams (Swagger 2021.2 `/{baseSpaceId}/teams`, `/teams/all`, `/teams/{id}`): the space's own teams
/// plus the system teams (`SpaceId` null) unless `includeSystem=false`; a team created here belongs to the space.
/// Teams stay one server-wide collection, so `/api/teams` still lists every team.
/// </summary>
internal static class TeamRoutes
{
    public static IEnumerable<RouteDef> Build()
    {
        var d = Catalog.Teams;
        return
        [
            new("GET", "teams", true, call => CollectionHandlers.List(call, d, Visible(call, honourIncludeSystem: true))),
            new("GET", "teams/all", true, call => CollectionHandlers.All(call, d, Visible(call, honourIncludeSystem: true))),
            new("GET", "teams/{id}", true, call => CollectionHandlers.Get(call, d, InSpace(call))),
            new("POST", "teams", true, call => CollectionHandlers.Create(call, d, body => body["SpaceId"] = call.Space.SpaceId)),
            new("PUT", "teams/{id}", true, call => CollectionHandlers.Modify(call, d, InSpace(call))),
            new("DELETE", "teams/{id}", true, call => CollectionHandlers.Delete(call, d, InSpace(call))),
        ];
    }

    private static Func<JsonObject, bool> Visible(RouteCall call, bool honourIncludeSystem)
    {
        var includeSystem = !honourIncludeSystem || !call.Query.TryGetValue("includeSystem", out var raw)
            || !bool.TryParse(raw.ToString(), out var flag) || flag;
        return team => team.Str("SpaceId") is { } spaceId
            ? string.Equals(spaceId, call.Space.SpaceId, StringComparison.OrdinalIgnoreCase)
            : includeSystem;
    }

    /// <summary>A team of another space is not found from this one (404 like any unknown id).</summary>
    private static string InSpace(RouteCall call)
    {
        var team = CollectionHandlers.Find(call.Space, Catalog.Teams, call["id"]);
        if (!Visible(call, honourIncludeSystem: false)(team))
        {
            throw ApiException.NotFound($"The Team with id '{call["id"]}' was not found.");
        }

        return team.Str("Id")!;
    }
}
