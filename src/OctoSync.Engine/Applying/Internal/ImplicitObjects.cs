using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// The one place that knows which objects Octopus creates together with another: a new project comes with its
/// variable set, its deployment process and a default channel; a runbook with its process; a library variable set
/// with its variable set. Their ids are recorded under the keys the planner's tokens use. The default channel is not in
/// the POST's answer: the new project's channels are read when a later change first needs one (a change of a channel of
/// that project, or a token naming one), so a planned Create of <c>Channel:&lt;project&gt;/Default</c> finds its key
/// known and <see cref="PlanApplier"/> turns it into an update of that channel (Octopus would refuse a second channel of
/// the same name), and a plan that never names it reads nothing.
/// </summary>
internal static class ImplicitObjects
{
    public static void Record(Change change, JsonObject created, IOctopusSpaceClient client, IdRegistry ids, CancellationToken ct)
    {
        ids.Record(change.Kind, change.Key, created.Str("Id"));
        switch (change.Kind)
        {
            case ResourceKind.Project:
                ids.Record(ResourceKind.VariableSet, ResourceKeys.VariableSet("Project", change.Key), created.Str("VariableSetId"));
                ids.Record(ResourceKind.DeploymentProcess, change.Key, created.Str("DeploymentProcessId"));
                // The default channel is not in the POST's answer: one list of the new project's channels (a server-side
                // companion), kept whole so that updating it later needs no second read — read only when a later change
                // names a channel of this project that no create recorded (ChangeWriter), not for every new project.
                var projectId = created.Id();
                ids.DeferChannels(change.Key, async () =>
                {
                    foreach (var channel in await ChannelsOfAsync(client, projectId, ct).ConfigureAwait(false))
                    {
                        ids.RecordCompanion(ResourceKind.Channel, ResourceKeys.Channel(change.Key, channel.Name()), channel);
                    }
                });
                break;
            case ResourceKind.Runbook:
                ids.Record(ResourceKind.RunbookProcess, change.Key, created.Str("RunbookProcessId"));
                break;
            case ResourceKind.LibraryVariableSet or ResourceKind.ScriptModule:
                ids.Record(ResourceKind.VariableSet, ResourceKeys.VariableSet("LibraryVariableSet", change.Key), created.Str("VariableSetId"));
                break;
        }
    }

    /// <summary>After writing a process, its actions' ids (new actions get theirs from the server) for variable scopes.</summary>
    public static void RecordActions(Change change, JsonObject savedProcess, IdRegistry ids)
    {
        foreach (var action in savedProcess.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()))
        {
            // Key + "/" + action name is ResourceKeys.DeploymentAction (key = project) and RunbookAction (key = project/runbook).
            ids.Record(ResourceKind.Action, $"{change.Key}/{action.Name()}", action.Str("Id"));
        }
    }

    private static async Task<IReadOnlyList<JsonObject>> ChannelsOfAsync(IOctopusSpaceClient client, string projectId, CancellationToken ct)
    {
        var channels = new List<JsonObject>();
        await foreach (var channel in client.ListAsync($"projects/{Uri.EscapeDataString(projectId)}/channels", null, ct).ConfigureAwait(false))
        {
            channels.Add(channel);
        }

        return channels;
    }
}
