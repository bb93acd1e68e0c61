using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// `POST /deployments` (Swagger 2021.2 CreateDeploymentCommand: ReleaseId and EnvironmentId required): the environment
/// must be one the release's lifecycle deploys to; the server fills in the project, channel, the release's process
/// snapshot, a name, who deployed it and when, and queues a server task that runs it.
/// </summary>
internal static class DeploymentRules
{
    public static void Validate(WriteContext ctx)
    {
        var doc = ctx.Doc;
        ctx.Require(Catalog.Releases, doc.Str("ReleaseId"), "ReleaseId");
        ctx.Require(Catalog.Environments, doc.Str("EnvironmentId"), "EnvironmentId");
        ctx.Check(Catalog.Tenants, doc.Str("TenantId"), "TenantId");
        var release = ctx.Space.Find(Catalog.Releases, doc.Str("ReleaseId"));
        var environment = ctx.Space.Find(Catalog.Environments, doc.Str("EnvironmentId"));
        if (release is null || environment is null)
        {
            return;
        }

        var project = ctx.Space.Find(Catalog.Projects, release.Str("ProjectId"))!;
        var channel = ctx.Space.Find(Catalog.Channels, release.Str("ChannelId"));
        var lifecycle = ctx.Space.Find(Catalog.Lifecycles, channel?.Str("LifecycleId") ?? project.Str("LifecycleId"));
        var phases = lifecycle?.Objects("Phases").ToList() ?? [];
        // A lifecycle without phases deploys to every environment (the Default Lifecycle of a fresh install; notes §3.3).
        if (phases.Count > 0 && !phases.Any(p => p.Strings("AutomaticDeploymentTargets").Concat(p.Strings("OptionalDeploymentTargets"))
                .Contains(environment.Str("Id")!, StringComparer.OrdinalIgnoreCase)))
        {
            ctx.Errors.Add($"Release '{release.Str("Version")}' cannot be deployed to '{environment.Str("Name")}': the environment is not in the lifecycle '{lifecycle!.Str("Name")}'.");
            return;
        }

        doc["ReleaseId"] = release.Str("Id");
        doc["EnvironmentId"] = environment.Str("Id");
        doc["ProjectId"] = project.Str("Id");
        doc["ChannelId"] = release.Str("ChannelId");
        doc["DeploymentProcessId"] = release.Str("ProjectDeploymentProcessSnapshotId");
        doc["ManifestVariableSetId"] = "variableset-" + ctx.Id;
        doc["Name"] = $"Deploy to {environment.Str("Name")}";
        doc["Created"] = ReleaseRules.Now();
        doc["DeployedBy"] = SpaceSeed.ApiUserName;
        doc["DeployedById"] = "Users-1";
        doc.Default("Comments", null);
        doc.Default("FormValues", new JsonObject());
        doc.Default("SkipActions", new JsonArray());
        doc.Default("SpecificMachineIds", new JsonArray());
        doc.Default("ExcludedMachineIds", new JsonArray());
        doc["DeployedToMachineIds"] = new JsonArray();
        doc["FailureEncountered"] = false;
        if (ctx.Errors.Count == 0)
        {
            doc["TaskId"] = ServerTasks.Queue(ctx.Space, doc, project, release, environment);
        }
    }
}
