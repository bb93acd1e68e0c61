using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources;

/// <summary>The "Default Machine Policy" every space starts with (field names per the API notes §3.20).</summary>
internal static class MachinePolicySeed
{
    public static JsonObject Default() => new()
    {
        ["Name"] = "Default Machine Policy",
        ["Description"] = "This policy is used by default for all machines.",
        ["IsDefault"] = true,
        ["MachineHealthCheckPolicy"] = new JsonObject
        {
            ["HealthCheckInterval"] = "1.00:00:00",
            ["HealthCheckCron"] = null,
            ["HealthCheckCronTimezone"] = "UTC",
            ["HealthCheckType"] = "RunScript",
            ["PowerShellHealthCheckPolicy"] = new JsonObject { ["RunType"] = "Inline", ["ScriptBody"] = "" },
            ["BashHealthCheckPolicy"] = new JsonObject { ["RunType"] = "Inline", ["ScriptBody"] = "" },
        },
        ["MachineConnectivityPolicy"] = new JsonObject { ["MachineConnectivityBehavior"] = "ExpectedToBeOnline" },
        ["MachineCleanupPolicy"] = new JsonObject
        {
            ["DeleteMachinesBehavior"] = "DoNotDelete",
            ["DeleteMachinesElapsedTimeSpan"] = "1.00:00:00",
        },
        ["MachineUpdatePolicy"] = new JsonObject
        {
            ["CalamariUpdateBehavior"] = "UpdateOnDeployment",
            ["TentacleUpdateBehavior"] = "NeverUpdate",
            ["TentacleUpdateAccountId"] = null,
        },
        ["ConnectionConnectTimeout"] = "00:01:00",
        ["ConnectionRetryCountLimit"] = 5,
        ["ConnectionRetrySleepInterval"] = "00:00:01",
        ["ConnectionRetryTimeLimit"] = "00:05:00",
        ["PollingRequestQueueTimeout"] = "00:02:00",
    };
}
