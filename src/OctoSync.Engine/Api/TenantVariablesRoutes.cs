namespace OctoSync.Engine.Api;

/// <summary>
/// Which tenant variables routes a server has. Self-hosted Octopus serves the v2 routes (<c>commonvariables</c>,
/// <c>projectvariables</c>) from 2025.2 (octopus.com/blog/scoped-tenant-variables; OctopusDeploy/Issues#9414, released in
/// 2025.2.11370), where common values may also be scoped to environments — which the legacy document cannot hold, so a
/// legacy PUT there could drop them. The legacy routes stay (API notes §2.10). Decided by the root document's version:
/// the tenant document advertises no link for them.
/// </summary>
public static class TenantVariablesRoutes
{
    private static readonly Version First = new(2025, 2);

    /// <summary>True when <paramref name="serverVersion"/> (e.g. <c>2026.3.0</c>) is 2025.2 or later; false when unknown.</summary>
    public static bool HasV2(string? serverVersion)
    {
        var parts = (serverVersion ?? "").Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            && new Version(major, minor) >= First;
    }
}
