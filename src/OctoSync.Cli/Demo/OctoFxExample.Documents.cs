using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.Cli.Demo;

/// <summary>The documents of the example.</summary>
public static partial class OctoFxExample
{
    private static JsonArray InitialVariables(string dev, string test) => new(
        Variable(DatabaseName, "OctoFx-Dev", ("Environment", [dev])),
        Variable(DatabaseName, "OctoFX-Test", ("Environment", [test])),
        Variable(ConnectionString, "Database=#{Application.Database.Name}"));

    private static JsonArray DeploymentSteps(string dev, string test, string devOnlyChannel, string sharedAccount, string devTestAccount) => new(
        Step("Deploy OctoFx web", "Octopus.TentaclePackage", new JsonObject
        {
            ["Octopus.Action.Package.PackageId"] = "OctoFx.Web",
            ["Octopus.Action.Package.FeedId"] = "feeds-builtin",
        }, roles: "OctoFx-Web", packages: new JsonArray(new JsonObject
        {
            ["Name"] = "",
            ["PackageId"] = "OctoFx.Web",
            ["FeedId"] = "feeds-builtin",
            ["AcquisitionLocation"] = "Server",
            ["Properties"] = new JsonObject(),
        })),
        // The seed: a "Run a Runbook" step that spins up a temporary database, scoped to the "Dev only" channel.
        Step("Spin up temp database", "Octopus.Script", Script("Write-Host 'Run a Runbook: Refresh database on a temporary server'"),
            channels: [devOnlyChannel]),
        Step("QA sign-off", "Octopus.Manual", new JsonObject
        {
            ["Octopus.Action.Manual.Instructions"] = "QA reviews the release before the integration tests.",
            ["Octopus.Action.Manual.ResponsibleTeamIds"] = "teams-everyone",
            ["Octopus.Action.RunOnServer"] = "true",
        }, environments: [test]),
        Step("Configure Azure web app", "Octopus.AzurePowerShell", Script("Set-AzWebApp -Name octofx", sharedAccount)),
        Step("Smoke test Dev/Test", "Octopus.AzurePowerShell", Script("Invoke-WebRequest https://octofx-test", devTestAccount), environments: [dev, test]),
        Step("Notify", "Octopus.Script", Script("Write-Host 'Deployed #{Octopus.Project.Name} to #{Octopus.Environment.Name}'")));

    private static JsonObject Script(string body, string? azureAccount = null)
    {
        var properties = new JsonObject
        {
            ["Octopus.Action.Script.ScriptSource"] = "Inline",
            ["Octopus.Action.Script.Syntax"] = "PowerShell",
            ["Octopus.Action.Script.ScriptBody"] = body,
            ["Octopus.Action.RunOnServer"] = "true",
        };
        if (azureAccount is not null)
        {
            properties["Octopus.Action.Azure.AccountId"] = azureAccount;
        }

        return properties;
    }

    private static JsonObject Step(string name, string actionType, JsonObject properties, string? roles = null,
        string[]? environments = null, string[]? channels = null, JsonArray? packages = null) => new()
        {
            ["Name"] = name,
            ["Condition"] = "Success",
            ["StartTrigger"] = "StartAfterPrevious",
            ["PackageRequirement"] = "LetOctopusDecide",
            ["Properties"] = roles is null ? new JsonObject() : new JsonObject { ["Octopus.Action.TargetRoles"] = roles },
            ["Actions"] = new JsonArray(new JsonObject
            {
                ["Name"] = name,
                ["ActionType"] = actionType,
                ["IsDisabled"] = false,
                ["IsRequired"] = false,
                ["Environments"] = (environments ?? []).ToJsonArray(),
                ["ExcludedEnvironments"] = new JsonArray(),
                ["Channels"] = (channels ?? []).ToJsonArray(),
                ["TenantTags"] = new JsonArray(),
                ["Packages"] = packages ?? new JsonArray(),
                ["Properties"] = properties,
            }),
        };

    private static JsonObject Variable(string name, string value, params (string Dimension, string[] Values)[] scope)
    {
        var s = new JsonObject();
        foreach (var (dimension, values) in scope)
        {
            s[dimension] = values.ToJsonArray();
        }

        return new JsonObject
        {
            ["Id"] = Guid.NewGuid().ToString(),
            ["Name"] = name,
            ["Value"] = value,
            ["Type"] = "String",
            ["IsSensitive"] = false,
            ["Scope"] = s,
        };
    }

    private static JsonObject Lifecycle(params (string Name, string EnvironmentId)[] phases) => new()
    {
        ["Phases"] = new JsonArray(phases.Select(p => (JsonNode)new JsonObject
        {
            ["Name"] = p.Name,
            ["AutomaticDeploymentTargets"] = new JsonArray(),
            ["OptionalDeploymentTargets"] = new[] { p.EnvironmentId }.ToJsonArray(),
            ["MinimumEnvironmentsBeforePromotion"] = 0,
            ["IsOptionalPhase"] = false,
        }).ToArray()),
    };

    private static JsonObject AzureAccount(string[] environments) => new()
    {
        ["AccountType"] = "AzureServicePrincipal",
        ["SubscriptionNumber"] = Guid.NewGuid().ToString(),
        ["ClientId"] = Guid.NewGuid().ToString(),
        ["TenantId"] = Guid.NewGuid().ToString(),
        ["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = "example-secret" },
        ["EnvironmentIds"] = environments.ToJsonArray(),
        ["TenantIds"] = new JsonArray(),
        ["TenantTags"] = new JsonArray(),
        ["TenantedDeploymentParticipation"] = "Untenanted",
    };

    /// <summary>A fresh self-signed certificate for octofx.example, PEM without its private key, base64-encoded.</summary>
    private static string ExampleCertificatePem()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=octofx.example, O=OctoFx", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        return Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
    }

    private static JsonObject Certificate(string[] environments) => new()
    {
        ["Notes"] = "Dev/Test only",
        // A server reads the uploaded certificate (Thumbprint, NotAfter, ...), so the example uploads a real one.
        ["CertificateData"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = ExampleCertificatePem() },
        ["EnvironmentIds"] = environments.ToJsonArray(),
        ["TenantIds"] = new JsonArray(),
        ["TenantTags"] = new JsonArray(),
        ["TenantedDeploymentParticipation"] = "Untenanted",
    };

    private static JsonObject Tenant(string name, string projectId, params string[] environments) => new()
    {
        ["Name"] = name,
        ["TenantTags"] = new JsonArray(),
        ["ProjectEnvironments"] = new JsonObject { [projectId] = environments.ToJsonArray() },
    };

    private static async Task<string> EnsureAsync(IOctopusSpaceClient client, string collection, string name, JsonObject body, CancellationToken ct)
    {
        var existing = (await client.GetAllAsync(collection, ct)).FirstOrDefault(d => d.Name() == name);
        if (existing is not null)
        {
            return existing.Id();
        }

        body["Name"] = name;
        return (await client.CreateAsync(collection, body, ct)).Id();
    }

    private static async Task WriteProcessAsync(IOctopusSpaceClient client, JsonObject project, JsonArray steps, CancellationToken ct)
    {
        var path = $"deploymentprocesses/{project.Str("DeploymentProcessId")}";
        var process = await client.GetAsync(path, ct);
        process["Steps"] = steps;
        await client.UpdateAsync(path, process, ct);
    }

    private static async Task CreateRunbookAsync(IOctopusSpaceClient client, string projectId, CancellationToken ct)
    {
        var runbook = await client.CreateAsync("runbooks", new JsonObject
        {
            ["Name"] = "Refresh database",
            ["ProjectId"] = projectId,
            ["EnvironmentScope"] = "All",
            ["Environments"] = new JsonArray(),
        }, ct);
        var path = $"runbookProcesses/{runbook.Str("RunbookProcessId")}";
        var process = await client.GetAsync(path, ct);
        process["Steps"] = new JsonArray(Step("Restore database", "Octopus.Script", Script("Write-Host 'Restoring #{Application.Database.Name}'")));
        await client.UpdateAsync(path, process, ct);
    }

    private static async Task WriteVariablesAsync(IOctopusSpaceClient client, string variableSetId, JsonArray variables, CancellationToken ct)
    {
        var set = await client.GetAsync($"variables/{variableSetId}", ct);
        set["Variables"] = variables;
        await client.UpdateAsync($"variables/{variableSetId}", set, ct);
    }
}
