using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Sync;

namespace OctoSync.Engine.Promotion;

/// <summary>
/// <c>octosync promote</c> (docs/promote.md): a release tested on the source is created anew on a destination — the
/// same version, channel (by name) and package versions — after checking that the destination project is in sync
/// (the normal sync plan has nothing pending for it), that each package version is in the destination's feed, and
/// reporting how the destination's process differs from the release's snapshot. Releases cannot be copied: each
/// snapshots its own instance's process and variables, which is why it is created, not synced.
/// </summary>
public sealed class Promoter(SyncRunner runner)
{
    /// <summary>Reads both sides and decides; writes nothing. The plan holds the destination's client: dispose it.</summary>
    /// <exception cref="SyncException">Unknown destination, project, release, channel or environment; unreachable instance.</exception>
    public async Task<PromotionPlan> PrepareAsync(SyncConfiguration configuration, PromotionRequest request, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        var destinationName = DestinationName(configuration, request.Destination);
        using var run = await runner.PlanEachAsync(configuration, destinationName, new RunOptions(), progress, ct).ConfigureAwait(false);
        if (run.Failed.Count > 0)
        {
            throw new SyncException($"{run.Failed[0].Destination} ({run.Failed[0].Stage}): {run.Failed[0].Message}");
        }

        var planned = run.Planned[0];
        try
        {
            var source = await runner.ConnectOneAsync(configuration.Source, "source", configuration, progress, ct).ConfigureAwait(false);
            try
            {
                return await PrepareAsync(configuration, request, planned, source, progress, ct).ConfigureAwait(false);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
        }
        catch
        {
            (planned.Client as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>Creates the release (unless it exists with the same packages) and deploys it when asked.</summary>
    /// <exception cref="InvalidOperationException">The plan has problems: it must not be executed.</exception>
    public static async Task<PromotionResult> ExecuteAsync(PromotionPlan plan, CancellationToken ct = default)
    {
        if (plan.Problems.Count > 0)
        {
            throw new InvalidOperationException("A promotion with problems cannot be executed.");
        }

        var client = plan.DestinationClient;
        var releaseId = plan.ExistingReleaseId;
        if (releaseId is null)
        {
            var created = await client.CreateAsync("releases", new JsonObject
            {
                ["ProjectId"] = plan.DestinationProjectId,
                ["ChannelId"] = plan.DestinationChannelId,
                ["Version"] = plan.Version,
                ["ReleaseNotes"] = plan.ReleaseNotes,
                ["SelectedPackages"] = new JsonArray([.. plan.Selected.Select(p => (JsonNode)new JsonObject
                {
                    ["ActionName"] = p.Action,
                    ["PackageReferenceName"] = p.PackageReference,
                    ["Version"] = p.Version,
                })]),
            }, ct).ConfigureAwait(false);
            releaseId = created.Id();
        }

        if (!plan.Deploys)
        {
            return new PromotionResult(releaseId, plan.CreatesRelease, null, null, null);
        }

        JsonObject deployment;
        try
        {
            deployment = await client.CreateAsync("deployments", new JsonObject
            {
                ["ReleaseId"] = releaseId,
                ["EnvironmentId"] = plan.DeployToId,
            }, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            // The release stands (a second promote finds it and only deploys); say so, with the server's reason.
            throw new SyncException($"Release {plan.Version} ({releaseId}) is on {plan.Destination}, but its deployment to {plan.DeployTo} failed: {e.Message}", e);
        }

        var taskId = deployment.Str("TaskId");
        var task = taskId is null ? null : await client.GetAsync($"tasks/{Uri.EscapeDataString(taskId)}", ct).ConfigureAwait(false);
        return new PromotionResult(releaseId, plan.CreatesRelease, deployment.Id(), taskId, task?.Str("State"));
    }

    private async Task<PromotionPlan> PrepareAsync(SyncConfiguration configuration, PromotionRequest request, DestinationPlan planned,
        IOctopusSpaceClient source, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var problems = new List<string>();
        var destination = planned.Configuration.Name;
        var sourceProject = ByName(planned.Source.Projects, request.Project)
            ?? throw new SyncException($"The source has no project named '{request.Project}'.");
        var project = sourceProject.Name();
        if (!configuration.Select.Projects.Matches(project))
        {
            problems.Add($"Project '{project}' is not selected for sync (select.projects): OctoSync does not keep it in step on {destination}.");
        }

        progress?.Report(new SyncProgress("read", "source", $"release {request.Version} of {project}"));
        var release = await FindReleaseAsync(source, sourceProject.Id(), request.Version, ct).ConfigureAwait(false)
            ?? throw new SyncException($"The source has no release '{request.Version}' of project '{project}'.");
        var version = release.Str("Version") ?? request.Version;
        var releaseProcess = release.Str("ProjectDeploymentProcessSnapshotId") is { } snapshotId
            ? await source.GetAsync($"deploymentprocesses/{Uri.EscapeDataString(snapshotId)}", ct).ConfigureAwait(false)
            : null;
        var sourceChannel = planned.Source.Channels.FirstOrDefault(c => string.Equals(c.Str("Id"), release.Str("ChannelId"), StringComparison.OrdinalIgnoreCase))?.Name()
            ?? "(unknown channel)";

        var destinationProject = ByName(planned.Destination.Projects, project);
        if (destinationProject is null)
        {
            throw new SyncException($"{destination} has no project named '{project}': run apply first, then promote.");
        }

        var pending = planned.Plan.Changes.Where(c => c.Writes && (string.Equals(c.Owner, project, StringComparison.OrdinalIgnoreCase)
            || (c.Kind == ResourceKind.Project && string.Equals(c.Key, project, StringComparison.OrdinalIgnoreCase)))).ToList();
        if (pending.Count > 0)
        {
            problems.Add($"{project} on {destination} is not in sync: {pending.Count} change(s) pending (run plan/apply first).");
        }

        var channelName = request.Channel ?? sourceChannel;
        var destinationChannel = planned.Destination.Channels.FirstOrDefault(c => c.Str("ProjectId") == destinationProject.Id()
            && string.Equals(c.Name(), channelName, StringComparison.OrdinalIgnoreCase));
        if (destinationChannel is null)
        {
            problems.Add($"{project} on {destination} has no channel named '{channelName}'" + (request.Channel is null ? " (the source release's channel); name one with --channel." : "."));
        }

        var destinationProcess = planned.Destination.DeploymentProcesses.GetValueOrDefault(destinationProject.Str("DeploymentProcessId") ?? "");
        var packages = await CheckPackagesAsync(planned, release, releaseProcess, destinationProcess, ct).ConfigureAwait(false);
        problems.AddRange(packages.Where(p => p.Status == PackageStatus.Missing).Select(p => $"Package {p.PackageId} {p.Version} (step '{p.Action}') is not in feed '{p.Feed}' on {destination}."));
        problems.AddRange(UncoveredPackages(destinationProcess, packages, version));

        var environment = request.DeployTo is null ? ((string Id, string Name)?)null : DeployTarget(planned, request.DeployTo);
        if (environment is { } deployTo && LifecycleRefusal(planned, destinationProject, destinationChannel, deployTo) is { } refusal)
        {
            problems.Add(refusal);
        }

        var translated = Translate(configuration, planned, sourceProject, releaseProcess);
        var sourceProcess = planned.Source.DeploymentProcesses.GetValueOrDefault(sourceProject.Str("DeploymentProcessId") ?? "");
        var environments = planned.Source.Environments.ToDictionary(e => e.Id(), e => e.Name(), StringComparer.OrdinalIgnoreCase);
        var comparison = ProcessComparison.Compare(version, releaseProcess, translated, destinationProcess, sourceProcess, destination, environment,
            id => environments.GetValueOrDefault(id, id));

        var existing = await FindReleaseAsync(planned.Client, destinationProject.Id(), version, ct).ConfigureAwait(false);
        var alreadyDeployed = false;
        if (existing is not null)
        {
            var wanted = packages.Where(p => p.Status == PackageStatus.Found).Select(p => Key(p.Action, p.PackageReference, p.Version)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var have = existing.Arr("SelectedPackages").Objects().Select(s => Key(s.Str("ActionName"), s.Str("PackageReferenceName"), s.Str("Version"))).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!wanted.SetEquals(have))
            {
                problems.Add($"Release {version} already exists on {destination} with other packages ({Describe(have)}; the source release has {Describe(wanted)}): " +
                    "a release's packages cannot be changed by promoting again.");
            }
            else if (environment is { } env)
            {
                alreadyDeployed = await planned.Client.ListAsync($"releases/{Uri.EscapeDataString(existing.Id())}/deployments", null, ct)
                    .AnyAsync(d => string.Equals(d.Str("EnvironmentId"), env.Id, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
            }
        }

        return new PromotionPlan(planned.Client)
        {
            Destination = destination,
            Project = project,
            Version = version,
            SourceChannel = sourceChannel,
            DestinationChannel = destinationChannel?.Name(),
            ReleaseNotes = release.Str("ReleaseNotes"),
            PendingChanges = pending,
            Packages = packages,
            Process = comparison,
            DeployTo = environment?.Name,
            Problems = problems,
            ExistingReleaseId = problems.Count == 0 ? existing?.Id() : null,
            AlreadyDeployed = alreadyDeployed,
            DestinationProjectId = destinationProject.Id(),
            DestinationChannelId = destinationChannel?.Id(),
            DeployToId = environment?.Id,
        };
    }

    /// <summary>The release's process put in place of the source's, then planned as a sync would: the process decision.</summary>
    private Change? Translate(SyncConfiguration configuration, DestinationPlan planned, JsonObject sourceProject, JsonObject? releaseProcess)
    {
        if (releaseProcess is null || sourceProject.Str("DeploymentProcessId") is not { } processId)
        {
            return null;
        }

        var processes = new Dictionary<string, JsonObject>(planned.Source.DeploymentProcesses, StringComparer.OrdinalIgnoreCase);
        var snapshot = releaseProcess.Clone();
        snapshot["Id"] = processId;
        processes[processId] = snapshot;
        var plan = runner.Services.Plan(new PlanningInput
        {
            DestinationName = planned.Configuration.Name,
            Source = planned.Source with { DeploymentProcesses = processes },
            Destination = planned.Destination,
            EnvironmentMap = planned.Configuration.Environments,
            Rules = planned.Configuration.Rules,
            Select = configuration.Select,
            State = planned.State,
            Secrets = planned.Secrets.Supplied,
        });
        return plan.Changes.FirstOrDefault(c => c.Kind == ResourceKind.DeploymentProcess && string.Equals(c.Owner, sourceProject.Name(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Each selected package: the destination's step that deploys it, its feed there, and whether the version is in it.</summary>
    private static async Task<List<PackageCheck>> CheckPackagesAsync(DestinationPlan planned, JsonObject release, JsonObject? releaseProcess, JsonObject? destinationProcess, CancellationToken ct)
    {
        var checks = new List<PackageCheck>();
        foreach (var selected in release.Arr("SelectedPackages").Objects())
        {
            var action = selected.Str("ActionName") ?? "";
            var reference = selected.Str("PackageReferenceName") ?? "";
            var version = selected.Str("Version") ?? "";
            var sourcePackage = Package(releaseProcess, action, reference);
            var destinationPackage = Package(destinationProcess, action, reference);
            var packageId = destinationPackage?.Str("PackageId") ?? sourcePackage?.Str("PackageId") ?? "(unknown package)";
            if (destinationPackage is null)
            {
                var sourceFeed = planned.Source.Feeds.FirstOrDefault(f => f.Str("Id") == sourcePackage?.Str("FeedId"))?.Name();
                checks.Add(new PackageCheck(action, reference, packageId, version, sourceFeed, PackageStatus.NotDeployed));
                continue;
            }

            var feedId = destinationPackage.Str("FeedId") ?? "";
            var feed = planned.Destination.Feeds.FirstOrDefault(f => string.Equals(f.Str("Id"), feedId, StringComparison.OrdinalIgnoreCase))?.Name() ?? feedId;
            var found = await planned.Client.ListAsync($"feeds/{Uri.EscapeDataString(feedId)}/packages/versions", $"packageId={Uri.EscapeDataString(packageId)}&take=100", ct)
                .AnyAsync(v => string.Equals(v.Str("Version"), version, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
            checks.Add(new PackageCheck(action, reference, packageId, version, feed, found ? PackageStatus.Found : PackageStatus.Missing));
        }

        return checks;
    }

    /// <summary>A package the destination's process deploys that the source release chose no version of: the server would refuse the release.</summary>
    private static IEnumerable<string> UncoveredPackages(JsonObject? destinationProcess, List<PackageCheck> packages, string version)
    {
        foreach (var action in destinationProcess?.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()).Where(a => !a.Bool("IsDisabled")) ?? [])
        {
            foreach (var package in action.Arr("Packages").Objects())
            {
                var reference = package.Str("Name") ?? "";
                if (!packages.Any(p => string.Equals(p.Action, action.Name(), StringComparison.OrdinalIgnoreCase) && string.Equals(p.PackageReference, reference, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"Step '{action.Name()}' on the destination deploys package {package.Str("PackageId")}, of which release {version} selected no version.";
                }
            }
        }
    }

    private static JsonObject? Package(JsonObject? process, string action, string reference) =>
        process?.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects())
            .FirstOrDefault(a => string.Equals(a.Name(), action, StringComparison.OrdinalIgnoreCase))?
            .Arr("Packages").Objects().FirstOrDefault(p => string.Equals(p.Str("Name") ?? "", reference, StringComparison.OrdinalIgnoreCase));

    /// <summary>A destination environment by name, else a source environment's name through the destination's mapping.</summary>
    private static (string Id, string Name) DeployTarget(DestinationPlan planned, string name)
    {
        if (ByName(planned.Destination.Environments, name) is { } direct)
        {
            return (direct.Id(), direct.Name());
        }

        var mapped = planned.Plan.EnvironmentMappings.FirstOrDefault(m => string.Equals(m.Source, name, StringComparison.OrdinalIgnoreCase));
        if (mapped?.Destination is { } target && ByName(planned.Destination.Environments, target) is { } environment)
        {
            return (environment.Id(), environment.Name());
        }

        throw new SyncException(mapped is not null
            ? $"--deploy-to {name}: the source environment '{name}' is excluded on {planned.Configuration.Name} (it maps to no environment there)."
            : $"--deploy-to {name}: {planned.Configuration.Name} has no environment named '{name}' and no source environment of that name is mapped to one " +
              $"(environments there: {string.Join(", ", planned.Destination.Environments.Select(e => e.Name()))}).");
    }

    /// <summary>
    /// The server deploys a release only to an environment of its channel's lifecycle (the project's when the channel
    /// has none); a lifecycle without phases allows every environment. Checked before anything is written.
    /// </summary>
    private static string? LifecycleRefusal(DestinationPlan planned, JsonObject project, JsonObject? channel, (string Id, string Name) environment)
    {
        var lifecycleId = channel?.Str("LifecycleId") ?? project.Str("LifecycleId");
        var lifecycle = planned.Destination.Lifecycles.FirstOrDefault(l => string.Equals(l.Str("Id"), lifecycleId, StringComparison.OrdinalIgnoreCase));
        var phases = lifecycle?.Arr("Phases").Objects().ToList() ?? [];
        var allowed = phases.SelectMany(p => p.Strings("AutomaticDeploymentTargets").Concat(p.Strings("OptionalDeploymentTargets")));
        return phases.Count == 0 || allowed.Contains(environment.Id, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"--deploy-to {environment.Name}: the environment is not in lifecycle '{lifecycle!.Name()}' of {project.Name()}" +
              (channel is null ? "" : $" (channel {channel.Name()})") + $" on {planned.Configuration.Name}, so the server would refuse the deployment.";
    }

    private static async Task<JsonObject?> FindReleaseAsync(IOctopusSpaceClient client, string projectId, string version, CancellationToken ct)
    {
        try
        {
            return await client.GetAsync($"projects/{Uri.EscapeDataString(projectId)}/releases/{Uri.EscapeDataString(version)}", ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static string DestinationName(SyncConfiguration configuration, string? name)
    {
        if (name is not null)
        {
            return name;
        }

        return configuration.Destinations.Count == 1
            ? configuration.Destinations[0].Name
            : throw new SyncException($"{configuration.FilePath} has {configuration.Destinations.Count} destinations ({string.Join(", ", configuration.Destinations.Select(d => d.Name))}): name one with --destination.");
    }

    private static JsonObject? ByName(IEnumerable<JsonObject> documents, string name) =>
        documents.FirstOrDefault(d => string.Equals(d.Name(), name, StringComparison.OrdinalIgnoreCase));

    private static string Key(string? action, string? reference, string? version) => $"{action}\u0001{reference ?? ""}\u0001{version}";

    private static string Describe(IEnumerable<string> keys)
    {
        var list = keys.Select(k => k.Split('\u0001')).Select(p => $"{p[0]}{(p[1].Length > 0 ? "/" + p[1] : "")} {p[2]}").Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "no packages" : string.Join(", ", list);
    }
}
