using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Resources.Definitions;

/// <summary>
/// Defaults that differ from "the C# default of the Swagger type" (null, false, 0, [], {}, an enum's first value,
/// a nested object with its own defaults). Each names where it comes from; docs/emulator.md lists them.
/// </summary>
internal static class ServerDefaults
{
    private static readonly Dictionary<string, Func<JsonNode?>> ByProperty = new(StringComparer.Ordinal)
    {
        // A phase without its own retention policy inherits the lifecycle's: null on the wire
        // (go-octopusdeploy lifecycles.Phase has *core.RetentionPeriod; the portal's "inherit from lifecycle").
        ["PhaseResource.ReleaseRetentionPolicy"] = () => null,
        ["PhaseResource.TentacleRetentionPolicy"] = () => null,
        // A new lifecycle keeps everything (the Default Lifecycle of a fresh install; notes §3.3).
        ["LifecycleResource.ReleaseRetentionPolicy"] = Catalog.RetentionPolicy,
        ["LifecycleResource.TentacleRetentionPolicy"] = Catalog.RetentionPolicy,
        // A runbook keeps 100 runs per environment (go-octopusdeploy runbooks.NewRunbook).
        ["RunbookResource.RunRetentionPolicy"] = () => new JsonObject { ["QuantityToKeep"] = 100, ["ShouldKeepForever"] = false },
        ["RunbookResource.EnvironmentScope"] = () => "All",
        // VariableResource: Type is a string enum the Swagger renders as an object; Prompt is null unless prompted;
        // IsEditable is true for every variable a person can edit (OctopusClients VariableResource).
        ["VariableResource.Type"] = () => "String",
        ["VariableResource.Prompt"] = () => null,
        ["VariableResource.IsEditable"] = () => true,
        // A machine nobody has health-checked yet (notes §3.19: HealthStatus/Status are server-computed).
        ["DeploymentTargetResource.HealthStatus"] = () => "Unknown",
        ["DeploymentTargetResource.Status"] = () => "Unknown",
        ["DeploymentTargetResource.StatusSummary"] = () => "This machine has not been health checked yet.",
        ["WorkerResource.HealthStatus"] = () => "Unknown",
        ["WorkerResource.Status"] = () => "Unknown",
        ["WorkerResource.StatusSummary"] = () => "This machine has not been health checked yet.",
        // A new machine policy starts as the Default Machine Policy's settings (notes §3.20).
        ["MachinePolicyResource.MachineHealthCheckPolicy"] = () => MachinePolicySeed.Default()["MachineHealthCheckPolicy"]!.DeepClone(),
        ["MachinePolicyResource.MachineConnectivityPolicy"] = () => MachinePolicySeed.Default()["MachineConnectivityPolicy"]!.DeepClone(),
        ["MachinePolicyResource.MachineCleanupPolicy"] = () => MachinePolicySeed.Default()["MachineCleanupPolicy"]!.DeepClone(),
        ["MachinePolicyResource.MachineUpdatePolicy"] = () => MachinePolicySeed.Default()["MachineUpdatePolicy"]!.DeepClone(),
        ["MachinePolicyResource.ConnectionConnectTimeout"] = () => "00:01:00",
        ["MachinePolicyResource.ConnectionRetryCountLimit"] = () => 5,
        ["MachinePolicyResource.ConnectionRetrySleepInterval"] = () => "00:00:01",
        ["MachinePolicyResource.ConnectionRetryTimeLimit"] = () => "00:05:00",
        ["MachinePolicyResource.PollingRequestQueueTimeout"] = () => "00:02:00",
        ["MachineHealthCheckPolicy.HealthCheckInterval"] = () => "1.00:00:00",
        ["MachineCleanupPolicy.DeleteMachinesElapsedTimeSpan"] = () => "1.00:00:00",
        // Every feed offers both acquisition locations unless told otherwise.
        ["FeedResource.PackageAcquisitionLocationOptions"] = () => Json.Array(["Server", "ExecutionTarget"]),
        ["ProjectResource.VersioningStrategy"] = () => new JsonObject
        {
            ["Template"] = "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}",
            ["DonorPackage"] = null,
            ["DonorPackageStepId"] = null,
        },
        ["ProjectResource.PersistenceSettings"] = () => new JsonObject { ["Type"] = "Database" },
    };

    /// <summary>Enums whose unset value is not the Swagger's first member.</summary>
    private static readonly Dictionary<string, string> ByEnum = new(StringComparer.Ordinal)
    {
        ["MachineModelHealthStatus"] = "Unknown",
        ["MachineModelStatus"] = "Unknown",
        ["CertificateFormat"] = "Unknown",
    };

    public static Func<JsonNode?>? For(string definition, string property) =>
        ByProperty.GetValueOrDefault(definition + "." + property);

    public static JsonNode? ForEnum(string enumName) => ByEnum.TryGetValue(enumName, out var v) ? JsonValue.Create(v) : null;
}
