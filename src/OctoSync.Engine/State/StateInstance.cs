namespace OctoSync.Engine.State;

/// <summary>
/// The Octopus instance a state file was written for: the server URL, the space id and — where the API exposes it —
/// the server's own <c>InstallationId</c> (root document <c>GET /api</c>, octopus-api-notes §2.1; Swagger 2021.2
/// RootResource). A state read against another instance would make every object it records look deleted there.
/// </summary>
/// <param name="ServerUrl">The normalised server URL (no credentials, no query).</param>
/// <param name="SpaceId">The space's id on that server, e.g. <c>Spaces-1</c>.</param>
/// <param name="InstallationId">The server's installation id; null when the server did not send one.</param>
public sealed record StateInstance(string ServerUrl, string SpaceId, string? InstallationId)
{
    /// <summary>
    /// Why <paramref name="now"/> is not the instance this state was written for, or null when it is. The URL and
    /// the space must match; the installation id must match when both sides know it.
    /// </summary>
    public string? Mismatch(StateInstance now)
    {
        var differences = new List<string>();
        if (!string.Equals(ServerUrl.TrimEnd('/'), now.ServerUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"server URL {ServerUrl} (now {now.ServerUrl})");
        }

        if (!string.Equals(SpaceId, now.SpaceId, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"space {SpaceId} (now {now.SpaceId})");
        }

        if (InstallationId is not null && now.InstallationId is not null
            && !string.Equals(InstallationId, now.InstallationId, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"installation id {InstallationId} (now {now.InstallationId})");
        }

        return differences.Count == 0 ? null : string.Join(", ", differences);
    }

    public override string ToString() =>
        $"{ServerUrl} space {SpaceId}{(InstallationId is null ? string.Empty : $" (installation {InstallationId})")}";
}
