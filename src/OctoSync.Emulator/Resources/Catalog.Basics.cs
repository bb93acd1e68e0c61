using System.Text.Json.Nodes;
using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor Environments => field ??= new("environments", "Environments", "Environment")
    {
        Definition = "EnvironmentResource",
        Sort = SortBy.SortOrder,
        HasSlug = true,
        LinkName = "Environments",
        TemplateQuery = "{?name,skip,ids,take,partialName}",
        DeleteGuard = Dependents.Guard(
            "environment", () => Lifecycles, () => DeploymentProcesses, () => RunbookProcesses, () => Variables, () => Tenants, () => Accounts, () => Certificates, () => Machines),
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("SortOrder", ctx.Space.All(Environments).Select(e => e.Int("SortOrder") + 1).DefaultIfEmpty(0).Max());
            ctx.Doc.Default("UseGuidedFailure", false);
            ctx.Doc.Default("AllowDynamicInfrastructure", false);
            ctx.Doc.Default("ExtensionSettings", new JsonArray());
        },
        ExtraLinks = (space, doc) => [new("Machines", $"/api/{space}/environments/{doc.Str("Id")}/machines{{?skip,take,partialName,roles,deploymentId,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,shellNames}}")],
    };

    public static ResourceDescriptor Lifecycles => field ??= new("lifecycles", "Lifecycles", "Lifecycle")
    {
        Definition = "LifecycleResource",
        HasSlug = true,
        LinkName = "Lifecycles",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("Phases", new JsonArray());
            ctx.Doc.Default("ReleaseRetentionPolicy", RetentionPolicy());
            ctx.Doc.Default("TentacleRetentionPolicy", RetentionPolicy());
            Json.EnsureIds(ctx.Doc["Phases"] as JsonArray);
            foreach (var phase in ctx.Doc.Objects("Phases"))
            {
                ctx.CheckAll(Environments, phase, "AutomaticDeploymentTargets", $"Phase '{phase.Str("Name")}' AutomaticDeploymentTargets");
                ctx.CheckAll(Environments, phase, "OptionalDeploymentTargets", $"Phase '{phase.Str("Name")}' OptionalDeploymentTargets");
            }
        },
        DeleteGuard = Dependents.All(
            (space, doc) => space.All(Projects).Any(p => p.Str("LifecycleId") == doc.Str("Id"))
                ? "This lifecycle is used by one or more projects and cannot be deleted."
                : null,
            Dependents.Guard("lifecycle", () => Channels)),
        ExtraLinks = (space, doc) => [new("Projects", $"/api/{space}/lifecycles/{doc.Str("Id")}/projects")],
    };

    public static ResourceDescriptor ProjectGroups => field ??= new("projectgroups", "ProjectGroups", "ProjectGroup")
    {
        Definition = "ProjectGroupResource",
        HasSlug = true,
        LinkName = "ProjectGroups",
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("EnvironmentIds", new JsonArray());
            ctx.Doc.Default("RetentionPolicyId", null);
        },
        DeleteGuard = (space, doc) =>
            space.All(Projects).Any(p => p.Str("ProjectGroupId") == doc.Str("Id"))
                ? "This project group contains projects and cannot be deleted."
                : null,
        ExtraLinks = (space, doc) => [new("Projects", $"/api/{space}/projectgroups/{doc.Str("Id")}/projects{{?skip,take}}")],
    };

    public static JsonObject RetentionPolicy() => new()
    {
        ["Unit"] = "Days",
        ["QuantityToKeep"] = 0,
        ["ShouldKeepForever"] = true,
    };
}
