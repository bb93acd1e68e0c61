namespace OctoSync.Engine.Planning;

/// <summary>
/// Rule <c>server versions</c>: source and destination running different Octopus versions (major.minor) is a warning
/// on the plan: fields and routes differ between versions (docs/reading.md), so what the destination stores may not be
/// all the source has. The sync goes on; the versions are on the plan for the CLI to show.
/// </summary>
internal static class ServerVersions
{
    public const string Rule = "server versions";

    public static void Check(PlanningSession session)
    {
        var source = session.Source.ServerVersion;
        var destination = session.Destination.ServerVersion;
        if (MajorMinor(source) is { } s && MajorMinor(destination) is { } d && s != d)
        {
            session.Diagnostics.Add(new Diagnostic(
                Severity.Warning,
                $"The source runs Octopus {source} and the destination {destination}: versions differ ({s} → {d}).",
                $"{Rule}: fields the destination's version lacks are kept as sent; fields only it has keep their defaults.",
                "servers"));
        }
    }

    /// <summary><c>2024.3.12828</c> → <c>2024.3</c>; null when the text is not a version.</summary>
    internal static string? MajorMinor(string? version)
    {
        var parts = version?.Split('.');
        return parts is { Length: >= 2 } && int.TryParse(parts[0], out _) && int.TryParse(parts[1], out _) ? $"{parts[0]}.{parts[1]}" : null;
    }
}
