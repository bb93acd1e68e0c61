using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Machines => field ??= new("machines", "Machines", "DeploymentTarget")
    {
        Definition = "DeploymentTargetResource",
        HasSlug = true,
        LinkName = "Machines",
        TemplateQuery = "{?skip,take,name,ids,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,environmentIds,thumbprint,deploymentId}",
        Filters = Filters.Of(
            ("roles", Filters.ArrayIntersects("Roles")),
            ("environmentIds", Filters.ArrayIntersects("EnvironmentIds")),
            ("tenantIds", Filters.ArrayIntersects("TenantIds")),
            ("isDisabled", Filters.BoolEquals("IsDisabled")),
            ("healthStatuses", Filters.PropertyIn("HealthStatus"))),
        Prepare = ctx =>
        {
            MachineDefaults(ctx);
            ctx.Doc.Default("EnvironmentIds", new JsonArray());
            ctx.Doc.Default("Roles", new JsonArray());
            ctx.Doc.Default("TenantIds", new JsonArray());
            ctx.Doc.Default("TenantTags", new JsonArray());
            ctx.Doc.Default("TenantedDeploymentParticipation", "Untenanted");
            ctx.CheckAll(Environments, ctx.Doc, "EnvironmentIds");
            ctx.CheckAll(Tenants, ctx.Doc, "TenantIds");
            ctx.CheckTags(ctx.Doc, "TenantTags");
        },
    };

    public static ResourceDescriptor Workers => field ??= new("workers", "Workers", "Worker")
    {
        Definition = "WorkerResource",
        HasSlug = true,
        LinkName = "Workers",
        TemplateQuery = "{?skip,take,name,ids,partialName,isDisabled,healthStatuses,commStyles,workerpoolIds,thumbprint}",
        Filters = Filters.Of(("workerpoolIds", Filters.ArrayIntersects("WorkerPoolIds"))),
        Prepare = ctx =>
        {
            MachineDefaults(ctx);
            ctx.Doc.Default("WorkerPoolIds", new JsonArray());
            ctx.CheckAll(WorkerPools, ctx.Doc, "WorkerPoolIds");
        },
    };

    /// <summary>Shared by targets and workers: policy reference (default policy when omitted), endpoint refs.</summary>
    private static void MachineDefaults(WriteContext ctx)
    {
        ctx.Doc.Default("IsDisabled", false);
        ctx.Doc.Default("HealthStatus", "Unknown");
        if (string.IsNullOrEmpty(ctx.Doc.Str("MachinePolicyId")))
        {
            ctx.Doc["MachinePolicyId"] = ctx.Space.All(MachinePolicies).FirstOrDefault(p => p.Bool("IsDefault"))?.Str("Id");
        }

        ctx.Check(MachinePolicies, ctx.Doc.Str("MachinePolicyId"), "MachinePolicyId");
        if (ctx.Doc["Endpoint"] is JsonObject endpoint)
        {
            ctx.Check(Accounts, endpoint.Str("AccountId"), "Endpoint.AccountId");
            ctx.Check(WorkerPools, endpoint.Str("DefaultWorkerPoolId"), "Endpoint.DefaultWorkerPoolId");
        }
    }

    public static ResourceDescriptor MachinePolicies => field ??= new("machinepolicies", "MachinePolicies", "MachinePolicy")
    {
        Definition = "MachinePolicyResource",
        LinkName = "MachinePolicies",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("IsDefault", false);
        },
        DeleteGuard = (space, doc) => doc.Bool("IsDefault") ? "The default machine policy cannot be deleted." : null,
    };
}
