using System.Text.RegularExpressions;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator.Routing;

/// <summary>A matched route plus the space it addresses and the canonical request path.</summary>
internal sealed record RouteMatch(RouteDef Route, Dictionary<string, string> Values, string SpaceId, string CanonicalPath);

/// <summary>
/// Resolves `/api/...` paths to routes. Space-scoped routes accept the three forms the real server has
/// (`/api/spaces/{id}/…`, `/api/{id}/…`, legacy `/api/…` = default space); all matching is case-insensitive.
/// </summary>
internal sealed partial class Router(IReadOnlyList<RouteDef> routes)
{
    public IReadOnlyList<RouteDef> Routes { get; } = routes;

    [GeneratedRegex("^spaces-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex SpaceIdPattern();

    /// <summary>Finds the route; throws 404 (unknown path/space) or 405 (known path, other verb).</summary>
    public RouteMatch Resolve(string method, string path, ServerStore store)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !segments[0].Equals("api", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.NotFound($"No route matches {path}.");
        }

        var rest = segments[1..];
        var pathMatched = false;
        var system = Best(method, rest, false, ref pathMatched);
        if (system is not null)
        {
            return new RouteMatch(system.Value.Route, system.Value.Values, SpaceSeed.DefaultSpaceId, "/api/" + string.Join('/', rest));
        }

        var (spaceId, spaceRest) = SplitSpace(rest);
        var space = store.Find(ServerStore.SystemSpace, Catalog.Spaces.Collection, spaceId)
            ?? throw ApiException.NotFound($"The space '{spaceId}' was not found.");
        var canonicalSpace = space.Str("Id")!;
        var match = Best(method, spaceRest, true, ref pathMatched);
        if (match is not null)
        {
            var canonical = string.Join('/', new[] { "/api", canonicalSpace }.Concat(spaceRest));
            return new RouteMatch(match.Value.Route, match.Value.Values, canonicalSpace, canonical);
        }

        throw pathMatched
            ? new ApiException(405, "The method is not allowed for this resource.", [$"{method} is not supported on {path}."])
            : ApiException.NotFound($"No route matches {path}.");
    }

    private static (string SpaceId, string[] Remaining) SplitSpace(string[] rest)
    {
        if (rest.Length >= 3 && rest[0].Equals("spaces", StringComparison.OrdinalIgnoreCase))
        {
            return (rest[1], rest[2..]);
        }

        return rest.Length >= 1 && SpaceIdPattern().IsMatch(rest[0]) ? (rest[0], rest[1..]) : (SpaceSeed.DefaultSpaceId, rest);
    }

    private (RouteDef Route, Dictionary<string, string> Values)? Best(string method, string[] path, bool spaceScoped, ref bool pathMatched)
    {
        (RouteDef Route, Dictionary<string, string> Values)? best = null;
        var otherVerbLiterals = -1;
        foreach (var route in Routes.Where(r => r.SpaceScoped == spaceScoped))
        {
            if (route.Match(path) is not { } values)
            {
                continue;
            }

            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                pathMatched = true;
                otherVerbLiterals = Math.Max(otherVerbLiterals, route.LiteralCount);
                continue;
            }

            if (best is null || route.LiteralCount > best.Value.Route.LiteralCount)
            {
                best = (route, values);
            }
        }

        // A literal sub-route (`environments/sortorder`) is its own resource: another verb there is 405, not a
        // lookup of an Environment with id "sortorder" through `environments/{id}`.
        return best is not null && otherVerbLiterals > best.Value.Route.LiteralCount ? null : best;
    }
}
