using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Promotion;

/// <summary>
/// How the destination's process differs from the one the release was tested with, in plain words. The release's
/// process snapshot is translated as a sync translates a process (environments mapped, steps excluded by rules); the
/// step decisions of that translation say why a step the release ran is not on the destination.
/// </summary>
/// <param name="ReleaseSteps">Steps the release's snapshot runs (enabled ones).</param>
/// <param name="RunsIn">Where the destination's count applies: the environment deployed to, or the destination's name.</param>
/// <param name="DestinationSteps">Steps the destination's process runs there.</param>
public sealed record ProcessComparison(string Version, int ReleaseSteps, string RunsIn, int DestinationSteps, IReadOnlyList<string> Differences)
{
    public bool Same => Differences.Count == 0 && ReleaseSteps == DestinationSteps;

    /// <summary>"The release you tested ran 6 steps; Production will run 5".</summary>
    public string Headline => Same
        ? $"The release you tested ran {Steps(ReleaseSteps)}; {RunsIn} will run the same {Steps(DestinationSteps)}."
        : $"The release you tested ran {Steps(ReleaseSteps)}; {RunsIn} will run {DestinationSteps}:";

    /// <param name="releaseProcess">The source release's process snapshot (null: the source kept none).</param>
    /// <param name="translated">The process decision of a plan made with the snapshot in place of the source's process.</param>
    /// <param name="destinationProcess">The destination project's process now.</param>
    /// <param name="sourceProcess">The source project's process now (to tell steps added since the release from the destination's own).</param>
    /// <param name="environment">The destination environment deployed to (id and name), or null.</param>
    public static ProcessComparison Compare(string version, JsonObject? releaseProcess, Change? translated, JsonObject? destinationProcess,
        JsonObject? sourceProcess, string destination, (string Id, string Name)? environment, Func<string, string> environmentName)
    {
        var released = Steps(releaseProcess).Where(Enabled).ToList();
        var destinationSteps = Steps(destinationProcess).Where(Enabled).ToList();
        var running = environment is { } target ? destinationSteps.Where(s => RunsInEnvironment(s, target.Id)).ToList() : destinationSteps;
        var onDestination = destinationSteps.Select(s => s.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inRelease = released.Select(s => s.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inSource = Steps(sourceProcess).Select(s => s.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var details = (translated?.Details ?? []).Where(d => !d.Item.Contains(" / ", StringComparison.Ordinal))
            .GroupBy(d => d.Item, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var differences = new List<string>();
        if (releaseProcess is null)
        {
            differences.Add($"The source has no process snapshot for release {version}: the steps it ran are not known.");
        }

        foreach (var step in released)
        {
            var name = step.Name();
            var detail = details.GetValueOrDefault($"step \"{name}\"");
            if (!onDestination.Contains(name))
            {
                differences.Add(detail switch
                {
                    { Action: ChangeAction.Skip } => $"'{name}' is skipped by rule {detail.Rule}: {detail.Reason}",
                    { Action: ChangeAction.Leave } => $"'{name}' is not on the destination, left so by rule {detail.Rule}: {detail.Reason}",
                    _ when !inSource.Contains(name) => $"'{name}' was in release {version} but has since been removed from the source's process.",
                    _ => $"'{name}' is not in the destination's process.",
                });
            }
            else if (detail is { Action: ChangeAction.Update })
            {
                differences.Add($"'{name}' has changed since release {version} was created: the destination runs the step as it is now ({detail.Reason})");
            }
            else if (environment is { } env && !running.Any(s => string.Equals(s.Name(), name, StringComparison.OrdinalIgnoreCase)))
            {
                var scope = step.Arr("Actions").Objects().SelectMany(a => a.Strings("Environments")).Distinct().ToList();
                differences.Add($"'{name}' does not run in {env.Name}" + (scope.Count > 0 ? $" (the release's step is scoped to {string.Join(", ", scope.Select(environmentName))})." : "."));
            }
        }

        foreach (var step in destinationSteps.Where(s => !inRelease.Contains(s.Name())))
        {
            var name = step.Name();
            var runs = environment is null || running.Contains(step);
            var where = runs ? "" : $" (it does not run in {environment!.Value.Name})";
            differences.Add(inSource.Contains(name)
                ? $"'{name}' was added on the source after release {version} was created; the destination runs it{where}."
                : $"'{name}' exists only on the destination{where}.");
        }

        return new ProcessComparison(version, released.Count, environment?.Name ?? destination, running.Count, differences);
    }

    private static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";

    private static IEnumerable<JsonObject> Steps(JsonObject? process) => process?.Arr("Steps").Objects() ?? [];

    private static bool Enabled(JsonObject step) => step.Arr("Actions").Objects().Any(a => !a.Bool("IsDisabled"));

    /// <summary>A step runs in an environment when one of its enabled actions is not scoped away from it.</summary>
    private static bool RunsInEnvironment(JsonObject step, string environmentId) =>
        step.Arr("Actions").Objects().Any(a => !a.Bool("IsDisabled")
            && (a.Strings("Environments").Count == 0 || a.Strings("Environments").Contains(environmentId, StringComparer.OrdinalIgnoreCase))
            && !a.Strings("ExcludedEnvironments").Contains(environmentId, StringComparer.OrdinalIgnoreCase));
}
