using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

/// <summary>
/// The server tasks that deployments create (TaskResource, Swagger 2021.2; ids `ServerTasks-N`, notes §2.5). The
/// emulator has no targets and runs no steps, so a task has nothing to do: it is created `Queued` and the first read
/// after that finds it finished (`Success`), the end a real task reaches after `Executing`.
/// </summary>
internal static class ServerTasks
{
    public static string Queue(SpaceContext space, JsonObject deployment, JsonObject project, JsonObject release, JsonObject environment)
    {
        var now = ReleaseRules.Now();
        var task = new JsonObject
        {
            ["Id"] = space.NextId(Catalog.Tasks),
            ["SpaceId"] = space.SpaceId,
            ["Name"] = "Deploy",
            ["Description"] = $"Deploy {project.Str("Name")} release {release.Str("Version")} to {environment.Str("Name")}",
            ["Arguments"] = new JsonObject { ["DeploymentId"] = deployment.Str("Id") },
            ["State"] = "Queued",
            ["QueueTime"] = now,
            ["QueueTimeExpiry"] = null,
            ["StartTime"] = null,
            ["CompletedTime"] = null,
            ["LastUpdatedTime"] = now,
            ["Completed"] = null,
            ["Duration"] = null,
            ["ErrorMessage"] = null,
            ["ServerNode"] = null,
            ["IsCompleted"] = false,
            ["FinishedSuccessfully"] = false,
            ["HasBeenPickedUpByProcessor"] = false,
            ["HasPendingInterruptions"] = false,
            ["HasWarningsOrErrors"] = false,
            ["CanRerun"] = false,
            ["LastModifiedOn"] = now,
            ["LastModifiedBy"] = SpaceSeed.ApiUserName,
        };
        space.Put(Catalog.Tasks, task);
        return task.Str("Id")!;
    }

    /// <summary>A queued task read again has run: nothing to execute here, so it succeeded.</summary>
    public static void Advance(JsonObject task)
    {
        if (task.Str("State") != "Queued")
        {
            return;
        }

        var now = ReleaseRules.Now();
        task["State"] = "Success";
        task["StartTime"] = now;
        task["CompletedTime"] = now;
        task["LastUpdatedTime"] = now;
        task["Completed"] = "less than a second ago";
        task["Duration"] = "less than a second";
        task["IsCompleted"] = true;
        task["FinishedSuccessfully"] = true;
        task["HasBeenPickedUpByProcessor"] = true;
        task["CanRerun"] = true;
    }
}
