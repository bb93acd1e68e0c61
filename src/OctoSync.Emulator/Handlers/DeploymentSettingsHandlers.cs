using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>
/// `GET|PUT /projects/{projectId}/deploymentsettings` (Swagger 2021.2 DeploymentSettingsResource; notes §2.10): the
/// project's deployment settings as their own resource. They stay mirrored on the project document (ProjectResource
/// still carries them), so a PUT here shows on the project and a project PUT shows here.
/// </summary>
internal static class DeploymentSettingsHandlers
{
    /// <summary>DeploymentSettingsResource property → ProjectResource property.</summary>
    private static readonly (string Settings, string Project)[] Mirrored =
    [
        ("ConnectivityPolicy", "ProjectConnectivityPolicy"),
        ("DefaultGuidedFailureMode", "DefaultGuidedFailureMode"),
        ("DefaultToSkipIfAlreadyInstalled", "DefaultToSkipIfAlreadyInstalled"),
        ("DeploymentChangesTemplate", "DeploymentChangesTemplate"),
        ("ReleaseNotesTemplate", "ReleaseNotesTemplate"),
        ("VersioningStrategy", "VersioningStrategy"),
    ];

    public static ApiResponse Get(RouteCall call) => ApiResponse.Ok(View(call.Space, Project(call)));

    public static ApiResponse Put(RouteCall call)
    {
        var project = Project(call);
        var body = call.BodyObject;
        var changed = project.Clone();
        foreach (var (settings, field) in Mirrored.Where(m => body.ContainsKey(m.Settings)))
        {
            changed[field] = body[settings]?.DeepClone();
        }

        changed.Remove("Links");
        DocumentWriter.Modify(call.Space, Catalog.Projects, project, changed);
        return ApiResponse.Ok(View(call.Space, CollectionHandlers.Find(call.Space, Catalog.Projects, project.Str("Id")!)));
    }

    private static JsonObject Project(RouteCall call) => CollectionHandlers.Find(call.Space, Catalog.Projects, call["projectId"]);

    private static JsonObject View(SpaceContext space, JsonObject project)
    {
        var id = project.Str("Id")!;
        var view = new JsonObject
        {
            ["Id"] = "deploymentsettings-" + id,
            ["ProjectId"] = id,
            ["SpaceId"] = project.Str("SpaceId"),
        };
        foreach (var (settings, field) in Mirrored)
        {
            view[settings] = Secrets.RedactedCopy(project[field]);
        }

        view["LastModifiedOn"] = project["LastModifiedOn"]?.DeepClone();
        view["LastModifiedBy"] = project["LastModifiedBy"]?.DeepClone();
        Resources.Definitions.ResourceDefinitions.Complete(view, "DeploymentSettingsResource", space.Profile, topLevel: false);
        view["Links"] = new JsonObject
        {
            ["Self"] = $"/api/{space.SpaceId}/projects/{id}/deploymentsettings",
            ["Project"] = $"/api/{space.SpaceId}/projects/{id}",
        };
        return view;
    }
}
