using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Projects;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// Writes a <see cref="ResourceKind.DeploymentSettings"/> change. When the plan saw the project advertise
/// <c>Links.DeploymentSettings</c> (the change's document carries it), the settings document is read and PUT back
/// with the planned fields replaced — as OctopusClients' DeploymentSettingsRepository.Modify PUTs the resource it read,
/// so the settings OctoSync does not manage (<c>FailTargetDiscovery</c>, <c>CancelQueuedTasks</c>, …) stay. Otherwise
/// the project document is read and PUT back with its mirrored fields set. Only a change reads: an unchanged project
/// costs no request.
/// </summary>
internal static class DeploymentSettingsWriter
{
    public static async Task<ChangeOutcome> WriteAsync(IOctopusSpaceClient client, Change change, string projectId, JsonObject body, CancellationToken ct)
    {
        var viaRoute = DeploymentSettingsPlanner.RouteOf(body) is not null;
        var path = viaRoute
            ? $"{ResourcePaths.Document(ResourceKind.Project, projectId)}/deploymentsettings"
            : ResourcePaths.Document(ResourceKind.Project, projectId);
        var current = await client.GetAsync(path, ct).ConfigureAwait(false);
        foreach (var (settings, field) in DeploymentSettingsPlanner.Fields)
        {
            if (body.ContainsKey(settings))
            {
                current[viaRoute ? settings : field] = body[settings]?.DeepClone();
            }
        }

        await client.UpdateAsync(path, current, ct).ConfigureAwait(false);
        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: projectId);
    }
}
