using System.Globalization;
using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// What the server checks and records when a release is created (Swagger 2021.2 `POST /releases`, ReleaseResource):
/// the project and channel, a version unique within the project, a version for every package the process deploys,
/// and — the point of a release — frozen copies of the project's deployment process and variables.
/// </summary>
internal static class ReleaseRules
{
    public static void Validate(WriteContext ctx)
    {
        var doc = ctx.Doc;
        if (ctx.IsCreate)
        {
            ctx.Require(Catalog.Projects, doc.Str("ProjectId"), "ProjectId");
            doc["Assembled"] = Now();
        }

        var project = ctx.Space.Find(Catalog.Projects, doc.Str("ProjectId"));
        if (project is null)
        {
            return;
        }

        doc["ProjectId"] = project.Str("Id");
        var version = doc.Str("Version");
        if (string.IsNullOrWhiteSpace(version))
        {
            ctx.Errors.Add("Please provide a version number for the release.");
        }
        else if (ctx.Space.All(Catalog.Releases).Any(r => r.Str("ProjectId") == project.Str("Id") && r.Str("Id") != ctx.Id
            && string.Equals(r.Str("Version"), version, StringComparison.OrdinalIgnoreCase)))
        {
            // Verbatim from real servers (OctopusDeploy/Issues#888, #5736 on 2023.1).
            ctx.Errors.Add($"Release '{version}' already exists for this project. Please use a different version, or look at using a mask to auto-increment the number.");
        }

        Channel(ctx, project);
        doc.Default("ReleaseNotes", null);
        doc.Default("SelectedPackages", new JsonArray());
        doc.Default("IgnoreChannelRules", false);
        doc.Default("BuildInformation", new JsonArray());
        var process = ctx.IsCreate
            ? ctx.Space.Find(Catalog.DeploymentProcesses, project.Str("DeploymentProcessId"))
            : ctx.Space.Find(Catalog.ProcessSnapshots, ctx.Existing!.Str("ProjectDeploymentProcessSnapshotId"));
        if (process is not null)
        {
            Packages(ctx, process);
        }
    }

    /// <summary>OnCreated: the process and variable snapshots the release deploys from, whatever changes afterwards.</summary>
    public static void Snapshot(SpaceContext space, JsonObject release)
    {
        var project = space.Find(Catalog.Projects, release.Str("ProjectId"))!;
        var process = space.Find(Catalog.DeploymentProcesses, project.Str("DeploymentProcessId"));
        if (process is not null)
        {
            var copy = process.Clone();
            copy["Id"] = SnapshotId(space, Catalog.ProcessSnapshots, process.Str("Id")!);
            space.Put(Catalog.ProcessSnapshots, copy);
            // DeploymentProcessResource.LastSnapshotId: the snapshot the latest release took (Swagger 2021.2).
            process["LastSnapshotId"] = copy.Str("Id");
            release["ProjectDeploymentProcessSnapshotId"] = copy.Str("Id");
        }

        release["ProjectVariableSetSnapshotId"] = SnapshotVariables(space, project.Str("VariableSetId"));
        var library = new JsonArray();
        foreach (var setId in project.Strings("IncludedLibraryVariableSetIds"))
        {
            if (space.Find(Catalog.LibraryVariableSets, setId) is { } set && SnapshotVariables(space, set.Str("VariableSetId")) is { } snapshot)
            {
                library.Add(snapshot);
            }
        }

        release["LibraryVariableSetSnapshotIds"] = library;
    }

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture);

    private static string? SnapshotVariables(SpaceContext space, string? variableSetId)
    {
        if (space.Find(Catalog.Variables, variableSetId) is not { } set)
        {
            return null;
        }

        var copy = set.Clone();
        copy["Id"] = SnapshotId(space, Catalog.VariableSnapshots, set.Str("Id")!);
        space.Put(Catalog.VariableSnapshots, copy);
        return copy.Str("Id");
    }

    /// <summary>`deploymentprocess-Projects-1-s-4-ABCDE`: the owner's id, `-s-`, a counter, five letters (API notes §2.5).</summary>
    private static string SnapshotId(SpaceContext space, ResourceDescriptor snapshots, string ownerId)
    {
        var n = space.All(snapshots).Count(s => s.Str("Id")!.StartsWith(ownerId + "-s-", StringComparison.OrdinalIgnoreCase)) + 1;
        var letters = string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26))));
        return $"{ownerId}-s-{n}-{letters}";
    }

    /// <summary>The channel must be one of the project's; none given = the project's default channel.</summary>
    private static void Channel(WriteContext ctx, JsonObject project)
    {
        var channels = ctx.Space.All(Catalog.Channels).Where(c => c.Str("ProjectId") == project.Str("Id")).ToList();
        var id = ctx.Doc.Str("ChannelId");
        if (string.IsNullOrEmpty(id))
        {
            ctx.Doc["ChannelId"] = channels.FirstOrDefault(c => c.Bool("IsDefault"))?.Str("Id");
            return;
        }

        var channel = channels.FirstOrDefault(c => string.Equals(c.Str("Id"), id, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            ctx.Errors.Add($"ChannelId: the Channel '{id}' is not a channel of project '{project.Str("Name")}'.");
            return;
        }

        ctx.Doc["ChannelId"] = channel.Str("Id");
    }

    /// <summary>
    /// Every package of every enabled action needs a selected version ("No package version was specified for the step
    /// …", the portal's and API's error, OctopusDeploy/Issues#1013). `StepName` is filled in by the server (SelectedPackage).
    /// </summary>
    private static void Packages(WriteContext ctx, JsonObject process)
    {
        var selected = ctx.Doc.Objects("SelectedPackages").ToList();
        foreach (var step in process.Objects("Steps"))
        {
            foreach (var action in step.Objects("Actions").Where(a => !a.Bool("IsDisabled")))
            {
                foreach (var package in action.Objects("Packages"))
                {
                    var reference = package.Str("Name") ?? "";
                    var match = selected.FirstOrDefault(s => string.Equals(s.Str("ActionName"), action.Str("Name"), StringComparison.OrdinalIgnoreCase)
                        && string.Equals(s.Str("PackageReferenceName") ?? "", reference, StringComparison.OrdinalIgnoreCase));
                    if (match is null || string.IsNullOrWhiteSpace(match.Str("Version")))
                    {
                        ctx.Errors.Add(reference.Length == 0
                            ? $"No package version was specified for the step '{action.Str("Name")}'."
                            : $"No package version was specified for the package '{reference}' of the step '{action.Str("Name")}'.");
                        continue;
                    }

                    match["StepName"] = step.Str("Name");
                    match["PackageReferenceName"] = reference;
                }
            }
        }
    }
}
