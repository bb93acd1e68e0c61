using OctoSync.Engine.Configuration.Internal;

namespace OctoSync.Engine.Configuration;

/// <summary>
/// Checks of the configuration that need the instances' names (run by <c>validate</c>, <c>plan</c> and
/// <c>apply</c> once they have read the spaces). Pure: names in, error lines out, in the same
/// <c>file:line: key: message</c> form as <see cref="ConfigurationException"/>.
/// </summary>
public static class ConfigurationChecks
{
    /// <summary>
    /// The <c>environments:</c> mapping of <paramref name="destinationName"/> and the <c>rescopeTo</c> names of its
    /// rules against the environments that exist on each side.
    /// </summary>
    public static IReadOnlyList<string> CheckEnvironments(
        SyncConfiguration config,
        IReadOnlyCollection<string> sourceEnvironmentNames,
        string destinationName,
        IReadOnlyCollection<string> destinationEnvironmentNames) =>
        Check(config, destinationName, "environment",
            (ConfigurationReferenceKind.SourceEnvironment, sourceEnvironmentNames),
            (ConfigurationReferenceKind.DestinationEnvironment, destinationEnvironmentNames));

    /// <summary>The <c>lifecycleMap</c> entries in force on <paramref name="destinationName"/> against both sides' lifecycles.</summary>
    public static IReadOnlyList<string> CheckLifecycles(
        SyncConfiguration config,
        IReadOnlyCollection<string> sourceLifecycleNames,
        string destinationName,
        IReadOnlyCollection<string> destinationLifecycleNames) =>
        Check(config, destinationName, "lifecycle",
            (ConfigurationReferenceKind.SourceLifecycle, sourceLifecycleNames),
            (ConfigurationReferenceKind.DestinationLifecycle, destinationLifecycleNames));

    /// <summary>The project names under <c>projects:</c> against the source's projects (a typo would silently apply nothing).</summary>
    public static IReadOnlyList<string> CheckProjects(SyncConfiguration config, IReadOnlyCollection<string> sourceProjectNames)
    {
        var names = config.Destinations.SelectMany(d => d.Rules.Projects.Keys).Distinct(StringComparer.OrdinalIgnoreCase);
        return names
            .Where(n => !sourceProjectNames.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Select(n =>
            {
                var path = KeyPath.Child("projects", n);
                // A source can have hundreds of projects: suggest the closest instead of listing them.
                var suggestion = Suggestions.Closest(n, sourceProjectNames);
                var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                return $"{config.FilePath}:{config.Lines.GetValueOrDefault(path, 1)}: {path}: project '{n}' does not exist on the source{hint}";
            })
            .ToList();
    }

    private static List<string> Check(
        SyncConfiguration config,
        string destinationName,
        string noun,
        (ConfigurationReferenceKind Kind, IReadOnlyCollection<string> Names) source,
        (ConfigurationReferenceKind Kind, IReadOnlyCollection<string> Names) destination)
    {
        var target = config.Destinations.FirstOrDefault(d => string.Equals(d.Name, destinationName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{destinationName}' is not a destination of {config.FilePath}", nameof(destinationName));
        var errors = new List<(int Line, string Text)>();
        foreach (var reference in target.References)
        {
            var (side, names) = reference.Kind == source.Kind ? ("the source", source.Names)
                : reference.Kind == destination.Kind ? (target.Name, destination.Names)
                : (string.Empty, []);
            if (side.Length > 0 && !names.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add((reference.Line, $"{config.FilePath}:{reference.Line}: {reference.KeyPath}: {Missing(noun, reference.Name, side, names)}"));
            }
        }

        return errors.OrderBy(e => e.Line).Select(e => e.Text).Distinct().ToList();
    }

    private static string Missing(string noun, string name, string side, IReadOnlyCollection<string> existing)
    {
        // The list of existing names is the suggestion: it is short for environments and lifecycles.
        var plural = noun + "s";
        var list = existing.Count == 0 ? $"it has no {plural}" : $"{plural}: {string.Join(", ", existing)}";
        return $"{noun} '{name}' does not exist on {side} ({list})";
    }
}
