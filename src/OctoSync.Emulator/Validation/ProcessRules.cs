using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;

namespace OctoSync.Emulator.Validation;

/// <summary>
/// Deployment and runbook process rules: steps/actions/packages get GUID ids, step and action names are
/// unique within the process, and every id an action names must exist in the space.
/// </summary>
internal static class ProcessRules
{
    private const string ResponsibleTeams = "Octopus.Action.Manual.ResponsibleTeamIds";

    public static void Validate(WriteContext ctx)
    {
        if (ctx.Doc["Steps"] is not JsonArray steps)
        {
            ctx.Doc["Steps"] = steps = [];
        }

        Json.EnsureIds(steps);
        var stepNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var actionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps.OfType<JsonObject>())
        {
            var name = step.Str("Name");
            if (string.IsNullOrWhiteSpace(name))
            {
                ctx.Errors.Add("Step Name is required.");
            }
            else if (!stepNames.Add(name))
            {
                ctx.Errors.Add($"Step names must be unique: '{name}' is used more than once.");
            }

            step.Default("Properties", new JsonObject());
            step.Default("Actions", new JsonArray());
            Json.EnsureIds(step["Actions"] as JsonArray);
            foreach (var action in step.Objects("Actions"))
            {
                var actionName = action.Str("Name");
                if (string.IsNullOrWhiteSpace(actionName))
                {
                    ctx.Errors.Add($"Step '{name}': action Name is required.");
                }
                else if (!actionNames.Add(actionName))
                {
                    ctx.Errors.Add($"Action names must be unique: '{actionName}' is used more than once.");
                }

                ValidateAction(ctx, action, $"Action '{actionName}'");
            }
        }
    }

    private static void ValidateAction(WriteContext ctx, JsonObject action, string where)
    {
        action.Default("Properties", new JsonObject());
        action.Default("Packages", new JsonArray());
        Json.EnsureIds(action["Packages"] as JsonArray);
        ctx.CheckAll(Catalog.Environments, action, "Environments", where + " Environments");
        ctx.CheckAll(Catalog.Environments, action, "ExcludedEnvironments", where + " ExcludedEnvironments");
        ctx.CheckAll(Catalog.Channels, action, "Channels", where + " Channels");
        ctx.CheckTags(action.Strings("TenantTags"), where + " TenantTags");
        ctx.Check(Catalog.WorkerPools, action.Str("WorkerPoolId"), where + " WorkerPoolId");
        foreach (var package in action.Objects("Packages"))
        {
            ctx.Check(Catalog.Feeds, package.Str("FeedId"), $"{where} package '{package.Str("Name")}' FeedId");
        }

        if (action["Container"] is JsonObject container)
        {
            ctx.Check(Catalog.Feeds, container.Str("FeedId"), where + " Container.FeedId");
        }

        if (action["Properties"] is JsonObject properties && properties.Str(ResponsibleTeams) is { } teams)
        {
            var ids = teams.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            ctx.CheckAll(Catalog.Teams, ids, $"{where} {ResponsibleTeams}");
        }
    }

    /// <summary>Action ids of every process the owner has (the values a variable's Action scope may name).</summary>
    public static IEnumerable<JsonObject> ActionsOf(SpaceContext space, string ownerId)
    {
        var processes = space.All(Catalog.DeploymentProcesses).Where(p => p.Str("ProjectId") == ownerId)
            .Concat(space.All(Catalog.RunbookProcesses).Where(p => p.Str("ProjectId") == ownerId));
        return processes.SelectMany(p => p.Objects("Steps")).SelectMany(s => s.Objects("Actions"));
    }
}
