using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Projects => field ??= new("projects", "Projects", "Project")
    {
        Definition = "ProjectResource",
        HasSlug = true,
        LinkName = "Projects",
        TemplateQuery = "{?name,skip,ids,clone,take,partialName,clonedFromProjectId}",
        ServerFields = ["VariableSetId", "DeploymentProcessId"],
        Filters = Filters.Of(("clonedFromProjectId", Filters.PropertyIn("ClonedFromProjectId"))),
        Prepare = ctx =>
        {
            ctx.Require(ProjectGroups, ctx.Doc.Str("ProjectGroupId"), "ProjectGroupId");
            ctx.Require(Lifecycles, ctx.Doc.Str("LifecycleId"), "LifecycleId");
            ctx.CheckAll(LibraryVariableSets, ctx.Doc, "IncludedLibraryVariableSetIds");
            ProjectDefaults.Apply(ctx.Doc);
            if (ctx.IsCreate)
            {
                ctx.Doc["VariableSetId"] = "variableset-" + ctx.Id;
                ctx.Doc["DeploymentProcessId"] = "deploymentprocess-" + ctx.Id;
            }
        },
        OnCreated = ProjectDefaults.CreateOwnedResources,
        OnDeleted = ProjectDefaults.DeleteOwnedResources,
        ExtraLinks = (space, doc) => ProjectDefaults.Links(space, doc.Str("Id")!),
    };

    public static ResourceDescriptor Channels => field ??= new("channels", "Channels", "Channel")
    {
        Definition = "ChannelResource",
        HasSlug = true,
        LinkName = "Channels",
        NameScope = "ProjectId",
        ServerFields = ["ProjectId"],
        Prepare = ctx =>
        {
            if (ctx.IsCreate)
            {
                ctx.Require(Projects, ctx.Doc.Str("ProjectId"), "ProjectId");
                ctx.Doc.Default("IsDefault", !ctx.Space.All(Channels).Any(c => c.Str("ProjectId") == ctx.Doc.Str("ProjectId")));
            }

            ctx.Check(Lifecycles, ctx.Doc.Str("LifecycleId"), "LifecycleId");
            ctx.CheckTags(ctx.Doc, "TenantTags");
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("LifecycleId", null);
            ctx.Doc.Default("IsDefault", false);
            ctx.Doc.Default("Rules", new JsonArray());
            ctx.Doc.Default("TenantTags", new JsonArray());
            Json.EnsureIds(ctx.Doc["Rules"] as JsonArray);
        },
        DeleteGuard = Dependents.ChannelGuard,
        ExtraLinks = (space, doc) =>
        [
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("Releases", $"/api/{space}/channels/{doc.Str("Id")}/releases{{?skip,take,searchByVersion}}"),
        ],
    };

    public static ResourceDescriptor Runbooks => field ??= new("runbooks", "Runbooks", "Runbook")
    {
        Definition = "RunbookResource",
        HasSlug = true,
        LinkName = "Runbooks",
        NameScope = "ProjectId",
        TemplateQuery = "{?skip,take,ids,partialName,projectIds}",
        ServerFields = ["ProjectId", "RunbookProcessId"],
        Filters = Filters.Of(("projectIds", Filters.PropertyIn("ProjectId"))),
        Prepare = ctx =>
        {
            if (ctx.IsCreate)
            {
                ctx.Require(Projects, ctx.Doc.Str("ProjectId"), "ProjectId");
                ctx.Doc["RunbookProcessId"] = "RunbookProcess-" + ctx.Id;
            }

            ctx.CheckAll(Environments, ctx.Doc, "Environments");
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("EnvironmentScope", "All");
            ctx.Doc.Default("Environments", new JsonArray());
            ctx.Doc.Default("MultiTenancyMode", "Untenanted");
            ctx.Doc.Default("DefaultGuidedFailureMode", "EnvironmentDefault");
            ctx.Doc.Default("PublishedRunbookSnapshotId", null);
        },
        OnCreated = (space, doc) => space.Put(RunbookProcesses, new JsonObject
        {
            ["Id"] = doc.Str("RunbookProcessId"),
            ["RunbookId"] = doc.Str("Id"),
            ["ProjectId"] = doc.Str("ProjectId"),
            ["Version"] = 0,
            ["Steps"] = new JsonArray(),
            ["LastSnapshotId"] = null,
            ["SpaceId"] = space.SpaceId,
        }),
        OnDeleted = (space, doc) => space.Remove(RunbookProcesses, doc.Str("RunbookProcessId")!),
        ExtraLinks = (space, doc) =>
        [
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("RunbookProcesses", $"/api/{space}/runbookProcesses/{doc.Str("RunbookProcessId")}"),
        ],
    };
}
