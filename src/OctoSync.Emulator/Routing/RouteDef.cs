namespace OctoSync.Emulator.Routing;

/// <summary>
/// One route. Space-scoped templates are relative (`projects/{id}/channels`) and are served under
/// `/api/{spaceId}/`, `/api/spaces/{spaceId}/` and legacy `/api/` (default space); system templates are under `/api/`.
/// </summary>
internal sealed record RouteDef(string Method, string Template, bool SpaceScoped, Func<RouteCall, ApiResponse> Handler)
{
    /// <summary>The server versions that have this route (null = every profile); the others answer 404.</summary>
    public Func<ServerProfile, bool>? Since { get; init; }

    public bool ServedBy(ServerProfile profile) => Since?.Invoke(profile) ?? true;

    public string[] Segments { get; } = Template.Length == 0 ? [] : Template.Split('/');

    public int LiteralCount => Segments.Count(s => !s.StartsWith('{'));

    /// <summary>Matches path segments case-insensitively; returns route values or null.</summary>
    public Dictionary<string, string>? Match(ReadOnlySpan<string> path)
    {
        if (path.Length != Segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < path.Length; i++)
        {
            var segment = Segments[i];
            if (segment.StartsWith('{'))
            {
                values[segment.Trim('{', '}')] = path[i];
            }
            else if (!string.Equals(segment, path[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }
}
