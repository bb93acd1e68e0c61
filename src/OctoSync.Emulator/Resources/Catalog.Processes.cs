using OctoSync.Emulator.Validation;

namespace OctoSync.Emulator.Resources;

internal static partial class Catalog
{
    public static ResourceDescriptor DeploymentProcesses => field ??= new("deploymentprocesses", "deploymentprocess", "DeploymentProcess")
    {
        Definition = "DeploymentProcessResource",
        Operations = Operations.List | Operations.Get | Operations.Modify,
        Sort = SortBy.Id,
        RequiresName = false,
        LinkName = "DeploymentProcesses",
        TemplateQuery = "{?skip,take,ids}",
        VersionConflictSubject = "the process",
        ServerFields = ["ProjectId", "LastSnapshotId"],
        Prepare = ProcessRules.Validate,
        ExtraLinks = (space, doc) =>
        [
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("Template", $"/api/{space}/deploymentprocesses/{doc.Str("Id")}/template{{?channel,releaseId}}"),
        ],
    };

    public static ResourceDescriptor RunbookProcesses => field ??= new("runbookProcesses", "RunbookProcess", "RunbookProcess")
    {
        Definition = "RunbookProcessResource",
        Operations = Operations.List | Operations.Get | Operations.Modify,
        Sort = SortBy.Id,
        RequiresName = false,
        LinkName = "RunbookProcesses",
        TemplateQuery = "{?skip,take,ids}",
        VersionConflictSubject = "the process",
        ServerFields = ["ProjectId", "RunbookId", "LastSnapshotId"],
        Prepare = ProcessRules.Validate,
        ExtraLinks = (space, doc) =>
        [
            new("Project", $"/api/{space}/projects/{doc.Str("ProjectId")}"),
            new("Runbook", $"/api/{space}/runbooks/{doc.Str("RunbookId")}"),
        ],
    };

    public static ResourceDescriptor Variables => field ??= new("variables", "variableset", "VariableSet")
    {
        Definition = "VariableSetResource",
        Operations = Operations.Get | Operations.Modify,
        Sort = SortBy.Id,
        RequiresName = false,
        LinkName = "Variables",
        TemplateQuery = "{?ids}",
        VersionConflictSubject = "the variables",
        ServerFields = ["OwnerId"],
        Prepare = VariableRules.Validate,
    };

    public static ResourceDescriptor LibraryVariableSets => field ??= new("libraryvariablesets", "LibraryVariableSets", "LibraryVariableSet")
    {
        Definition = "LibraryVariableSetResource",
        LinkName = "LibraryVariables",
        TemplateQuery = "{?skip,contentType,take,ids,partialName}",
        ServerFields = ["VariableSetId"],
        Filters = Resources.Filters.Of(("contentType", Resources.Filters.PropertyIn("ContentType"))),
        Prepare = ctx =>
        {
            ctx.Doc.Default("Description", "");
            ctx.Doc.Default("ContentType", "Variables");
            ctx.Doc.Default("Templates", new System.Text.Json.Nodes.JsonArray());
            Json.EnsureIds(ctx.Doc["Templates"] as System.Text.Json.Nodes.JsonArray);
            var contentType = ctx.Doc.Str("ContentType");
            if (contentType is not ("Variables" or "ScriptModule"))
            {
                ctx.Errors.Add($"ContentType '{contentType}' is not valid; use Variables or ScriptModule.");
            }

            if (ctx.IsCreate)
            {
                ctx.Doc["VariableSetId"] = "variableset-" + ctx.Id;
            }
        },
        OnCreated = (space, doc) => space.Put(Variables, ProjectDefaults.VariableSet(space, doc.Str("VariableSetId")!, doc.Str("Id")!)),
        OnDeleted = (space, doc) => space.Remove(Variables, doc.Str("VariableSetId")!),
        DeleteGuard = (space, doc) =>
            space.All(Projects).Any(p => p.Strings("IncludedLibraryVariableSetIds").Contains(doc.Str("Id")!, StringComparer.OrdinalIgnoreCase))
                ? "This library variable set is used by one or more projects and cannot be deleted."
                : null,
        ExtraLinks = (space, doc) => [new("Variables", $"/api/{space}/variables/{doc.Str("VariableSetId")}")],
    };
}
