using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// `GET /api` (RootResource) and `GET /api/{spaceId}` (SpaceRootResource). Link names and templates follow the
/// recorded 2019.7.12 root document (OctopusClients CannedResponses) so template-driven clients find their way.
/// </summary>
internal static class RootHandlers
{
    public static ApiResponse Root(RouteCall call)
    {
        var links = new JsonObject
        {
            ["Self"] = "/api",
            ["Spaces"] = "/api/spaces{/id}{?name,skip,ids,take,partialName}",
            ["SpaceHome"] = "/api/{spaceId}",
            ["DefaultSpaceHome"] = "/api/" + SpaceSeed.DefaultSpaceId,
            ["CurrentUser"] = "/api/users/me",
            ["Users"] = "/api/users{/id}{?skip,take,ids,filter}",
            ["Teams"] = "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}",
            ["CommunityActionTemplates"] = "/api/communityactiontemplates{/id}{?skip,take,ids}",
        };

        // Like pre-spaces servers and the canned 2019 root: the default space's collection links, Spaces-1 baked in.
        foreach (var (name, href) in SpaceLinks(SpaceSeed.DefaultSpaceId).Concat(RecordedRootLinks.For(SpaceSeed.DefaultSpaceId, spaceRoot: false)))
        {
            links.TryAdd(name, href);
        }

        return ApiResponse.Ok(new JsonObject
        {
            ["Application"] = "Octopus Deploy",
            ["Version"] = call.Space.Profile.Version,
            ["ApiVersion"] = "3.0.0",
            ["InstallationId"] = call.Space.Store.InstallationId,
            ["IsEarlyAccessProgram"] = false,
            ["HasLongTermSupport"] = true,
            ["Links"] = links,
        });
    }

    public static ApiResponse SpaceRoot(RouteCall call)
    {
        var links = new JsonObject { ["Self"] = "/api/" + call.Space.SpaceId };
        foreach (var (name, href) in SpaceLinks(call.Space.SpaceId).Concat(RecordedRootLinks.For(call.Space.SpaceId, spaceRoot: true)))
        {
            links[name] = href;
        }

        return ApiResponse.Ok(new JsonObject { ["Links"] = links });
    }

    private static IEnumerable<KeyValuePair<string, string>> SpaceLinks(string spaceId)
    {
        foreach (var d in Catalog.All.Where(d => d.LinkName is not null))
        {
            yield return new(d.LinkName!, $"/api/{spaceId}/{d.Collection}{{/id}}{d.TemplateQuery}");
        }

        yield return new("MachineRoles", $"/api/{spaceId}/machineroles/all");
        yield return new("TenantVariables", $"/api/{spaceId}/tenantvariables/all{{?projectId}}");
        yield return new("Teams", $"/api/{spaceId}/teams{{/id}}{{?skip,take,ids,partialName,includeSystem}}");
        yield return new("CurrentUser", "/api/users/me");
    }
}
