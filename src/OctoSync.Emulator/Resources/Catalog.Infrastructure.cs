using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Accounts => field ??= new("accounts", "Accounts", "Account")
    {
        Definition = "AccountResource",
        HasSlug = true,
        LinkName = "Accounts",
        TemplateQuery = "{?skip,take,ids,partialName,accountType}",
        DeleteGuard = Dependents.Guard("account", () => DeploymentProcesses, () => RunbookProcesses, () => Variables, () => Machines, () => Workers),
        Filters = Filters.Of(("accountType", Filters.PropertyIn("AccountType"))),
        Prepare = ctx =>
        {
            if (string.IsNullOrEmpty(ctx.Doc.Str("AccountType")))
            {
                ctx.Errors.Add("AccountType is required.");
            }

            ctx.Doc.Default("Description", "");
            TenantedParticipation(ctx);
        },
    };

    public static ResourceDescriptor Certificates => field ??= new("certificates", "Certificates", "Certificate")
    {
        Definition = "CertificateResource",
        LinkName = "Certificates",
        TemplateQuery = "{?skip,take,search,archived,tenant,firstResult,orderBy,ids,partialName}",
        DeleteGuard = Dependents.Guard("certificate", () => DeploymentProcesses, () => RunbookProcesses, () => Variables, () => Machines),
        ServerFields = CertificateFacts.Computed,
        Prepare = ctx =>
        {
            // The computed fields come from the data: on create, and on a PUT that uploads new data (replace).
            if (ctx.IsCreate || (ctx.Doc["CertificateData"] as JsonObject)?["NewValue"] is JsonValue)
            {
                if (CertificateFacts.Apply(ctx.Doc) is { } error)
                {
                    ctx.Errors.Add(error);
                }
            }

            ctx.Doc.Default("Notes", "");
            ctx.Doc.Default("Archived", null);
            ctx.Doc.Default("ReplacedBy", null);
            TenantedParticipation(ctx);
        },
    };

    private static void TenantedParticipation(WriteContext ctx)
    {
        ctx.Doc.Default("EnvironmentIds", new JsonArray());
        ctx.Doc.Default("TenantIds", new JsonArray());
        ctx.Doc.Default("TenantTags", new JsonArray());
        ctx.Doc.Default("TenantedDeploymentParticipation", "Untenanted");
        ctx.CheckAll(Environments, ctx.Doc, "EnvironmentIds");
        ctx.CheckAll(Tenants, ctx.Doc, "TenantIds");
        ctx.CheckTags(ctx.Doc, "TenantTags");
    }

    public static ResourceDescriptor WorkerPools => field ??= new("workerpools", "WorkerPools", "WorkerPool")
    {
        Definition = "WorkerPoolResource",
        HasSlug = true,
        LinkName = "WorkerPools",
        Sort = SortBy.SortOrder,
        TemplateQuery = "{?name,skip,ids,take,partialName}",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("IsDefault", false);
            ctx.Doc.Default("WorkerPoolType", "StaticWorkerPool");
            ctx.Doc.Default("SortOrder", ctx.Space.All(WorkerPools).Select(e => e.Int("SortOrder") + 1).DefaultIfEmpty(0).Max());
            ctx.Doc["CanAddWorkers"] = ctx.Doc.Str("WorkerPoolType") == "StaticWorkerPool";
        },
        DeleteGuard = Dependents.All(
            (space, doc) => doc.Bool("IsDefault") ? "The default worker pool cannot be deleted." : null,
            Dependents.Guard("worker pool", () => DeploymentProcesses, () => RunbookProcesses, () => Variables)),
        ExtraLinks = (space, doc) => [new("Workers", $"/api/{space}/workerpools/{doc.Str("Id")}/workers{{?skip,take}}")],
    };

    public static ResourceDescriptor Feeds => field ??= new("feeds", "Feeds", "Feed")
    {
        Definition = "FeedResource",
        HasSlug = true,
        LinkName = "Feeds",
        TemplateQuery = "{?skip,take,ids,partialName,feedType,name}",
        Filters = Filters.Of(("feedType", Filters.PropertyIn("FeedType"))),
        Prepare = ctx =>
        {
            var type = ctx.Doc.Str("FeedType");
            if (string.IsNullOrEmpty(type))
            {
                ctx.Errors.Add("FeedType is required.");
            }
            else if (ctx.IsCreate && type is "BuiltIn" or "OctopusProject")
            {
                ctx.Errors.Add($"A {type} feed cannot be created; every space has one.");
            }

            ctx.Doc.Default("PackageAcquisitionLocationOptions", Json.Array(["Server", "ExecutionTarget"]));
        },
        DeleteGuard = Dependents.All(
            (space, doc) => doc.Str("FeedType") is "BuiltIn" or "OctopusProject" ? "The built-in feeds cannot be deleted." : null,
            Dependents.Guard("feed", () => DeploymentProcesses, () => RunbookProcesses, () => Variables, () => ActionTemplates)),
    };

    public static ResourceDescriptor ActionTemplates => field ??= new("actiontemplates", "ActionTemplates", "ActionTemplate")
    {
        Definition = "ActionTemplateResource",
        LinkName = "ActionTemplates",
        BumpVersionOnModify = true,
        ServerFields = ["Version", "CommunityActionTemplateId"],
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("Properties", new JsonObject());
            ctx.Doc.Default("Parameters", new JsonArray());
            ctx.Doc.Default("Packages", new JsonArray());
            ctx.Doc.Default("CommunityActionTemplateId", null);
            Json.EnsureIds(ctx.Doc["Parameters"] as JsonArray);
            Json.EnsureIds(ctx.Doc["Packages"] as JsonArray);
            if (ctx.IsCreate)
            {
                ctx.Doc["Version"] = 0;
            }

            if (string.IsNullOrEmpty(ctx.Doc.Str("ActionType")))
            {
                ctx.Errors.Add("ActionType is required.");
            }

            foreach (var package in ctx.Doc.Objects("Packages"))
            {
                ctx.Check(Feeds, package.Str("FeedId"), "Packages FeedId");
            }
        },
        ExtraLinks = (space, doc) =>
        [
            new("Usage", $"/api/{space}/actiontemplates/{doc.Str("Id")}/usage"),
            new("Logo", $"/api/{space}/actiontemplates/{doc.Str("Id")}/logo"),
        ],
    };
}
