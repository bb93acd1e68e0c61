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
        // A replaced certificate's archived backup keeps its name (OctopusClients ICertificateRepository.Replace), so
        // names are unique among the certificates in use only.
        NameCounts = doc => doc["Archived"] is null,
        // OctopusClients posts to Link("Replace"|"Archive"|"Unarchive"); go-octopusdeploy to Links["Archive"|"Unarchive"].
        ExtraLinks = (space, doc) =>
        [
            new("Replace", $"/api/{space}/certificates/{doc.Str("Id")}/replace"),
            new("Archive", $"/api/{space}/certificates/{doc.Str("Id")}/archive"),
            new("Unarchive", $"/api/{space}/certificates/{doc.Str("Id")}/unarchive"),
        ],
        Prepare = ctx =>
        {
            if (ctx.IsCreate)
            {
                if (CertificateFacts.Apply(ctx.Doc) is { } error)
                {
                    ctx.Errors.Add(error);
                }
            }
            else
            {
                // A PUT does not change the data: new CertificateData is ignored and the stored file stays (terraform
                // provider issue #598, Octopus 2024.1: "the DataVersion of the certificate is being updated ... but the
                // actual certificate is not being replaced"). New data goes through POST certificates/{id}/replace.
                ctx.Doc["CertificateData"] = ctx.Existing!["CertificateData"]?.DeepClone();
                ctx.Doc["Password"] = ctx.Existing["Password"]?.DeepClone();
                ctx.Doc["Archived"] = ctx.Existing["Archived"]?.DeepClone();
                ctx.Doc["ReplacedBy"] = ctx.Existing["ReplacedBy"]?.DeepClone();
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
