using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>
/// A project with what Octopus creates for it (variable set, deployment process, channel "Default") plus channels,
/// steps, runbooks and variables declared by name. Defaults: group "Default Project Group", lifecycle "Default Lifecycle".
/// </summary>
public sealed class ProjectBuilder
{
    private readonly SnapshotBuilder _space;
    private readonly string _id;
    private readonly List<(string Name, string? Lifecycle, string[] TenantTags, bool IsDefault)> _channels = [];
    private readonly List<StepBuilder> _steps = [];
    private readonly List<RunbookBuilder> _runbooks = [];
    private readonly List<string> _libraryVariableSets = [];
    private readonly VariableSetBuilder _variables;
    private string _group = "Default Project Group";
    private string _lifecycle = "Default Lifecycle";
    private bool _versionControlled;
    private string _tenantedMode = "Untenanted";
    private string _description = "";

    internal ProjectBuilder(SnapshotBuilder space, string id, string name)
    {
        _space = space;
        _id = id;
        Name = name;
        _variables = new VariableSetBuilder(space, name);
        space.Register(ResourceKind.VariableSet, $"Project:{name}", $"variableset-{id}");
        space.Register(ResourceKind.DeploymentProcess, name, $"deploymentprocess-{id}");
        Channel("Default", isDefault: true);
    }

    public string Name { get; }

    public ProjectBuilder Group(string projectGroup) { _group = projectGroup; return this; }

    public ProjectBuilder Lifecycle(string lifecycle) { _lifecycle = lifecycle; return this; }

    public ProjectBuilder Description(string description) { _description = description; return this; }

    /// <summary>Stored in Git: <c>IsVersionControlled</c> and <c>PersistenceSettings.Type = VersionControlled</c>.</summary>
    public ProjectBuilder VersionControlled() { _versionControlled = true; return this; }

    public ProjectBuilder Tenanted(string mode = "TenantedOrUntenanted") { _tenantedMode = mode; return this; }

    public ProjectBuilder IncludeLibrarySet(string name) { _libraryVariableSets.Add(name); return this; }

    /// <summary>A channel; lifecycle null = inherit the project's.</summary>
    public ProjectBuilder Channel(string name, string? lifecycle = null, bool isDefault = false, params string[] tenantTags)
    {
        _space.Declare(ResourceKind.Channel, $"{Name}/{name}", "Channels");
        _channels.RemoveAll(c => c.Name == name);
        _channels.Add((name, lifecycle, tenantTags, isDefault));
        return this;
    }

    /// <summary>Names the default channel (Octopus calls it "Default" on a new project).</summary>
    public ProjectBuilder DefaultChannel(string name)
    {
        _channels.RemoveAll(c => c.IsDefault);
        return Channel(name, isDefault: true);
    }

    /// <summary>A step with one action of the same name (the usual shape).</summary>
    public ProjectBuilder Step(string name, Action<StepBuilder>? configure = null)
    {
        var step = new StepBuilder(_space, Name, null, name);
        configure?.Invoke(step);
        _steps.Add(step);
        return this;
    }

    public ProjectBuilder Runbook(string name, Action<RunbookBuilder>? configure = null)
    {
        var runbook = new RunbookBuilder(_space, Name, name);
        configure?.Invoke(runbook);
        _runbooks.Add(runbook);
        return this;
    }

    /// <summary>A variable value; the scope callback names environments, channels, steps, runbooks.</summary>
    public ProjectBuilder Variable(string name, string? value, Action<ScopeBuilder>? scope = null, string type = "String", bool sensitive = false)
    {
        _variables.Variable(name, value, scope, type, sensitive);
        return this;
    }

    internal JsonObject BuildProject()
    {
        var d = _space.Doc(_id, Name, "projects");
        d["Description"] = _description;
        d["ProjectGroupId"] = _space.IdOf(ResourceKind.ProjectGroup, _group);
        d["LifecycleId"] = _space.IdOf(ResourceKind.Lifecycle, _lifecycle);
        d["IsDisabled"] = false;
        d["VariableSetId"] = $"variableset-{_id}";
        d["DeploymentProcessId"] = $"deploymentprocess-{_id}";
        d["IncludedLibraryVariableSetIds"] = _libraryVariableSets.Select(LibrarySetId).ToJsonArray();
        d["TenantedDeploymentMode"] = _tenantedMode;
        d["DiscreteChannelRelease"] = false;
        d["DefaultGuidedFailureMode"] = "EnvironmentDefault";
        d["DefaultToSkipIfAlreadyInstalled"] = false;
        d["AutoCreateRelease"] = false;
        d["AutoDeployReleaseOverrides"] = new JsonArray();
        d["ReleaseCreationStrategy"] = new JsonObject { ["ChannelId"] = null, ["ReleaseCreationPackage"] = null, ["ReleaseCreationPackageStepId"] = null };
        d["VersioningStrategy"] = new JsonObject { ["Template"] = "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}", ["DonorPackage"] = null, ["DonorPackageStepId"] = null };
        d["ProjectConnectivityPolicy"] = new JsonObject { ["AllowDeploymentsToNoTargets"] = false, ["ExcludeUnhealthyTargets"] = false, ["SkipMachineBehavior"] = "None", ["TargetRoles"] = new JsonArray() };
        d["Templates"] = new JsonArray();
        d["ReleaseNotesTemplate"] = null;
        d["IsVersionControlled"] = _versionControlled;
        d["PersistenceSettings"] = _versionControlled
            ? new JsonObject { ["Type"] = "VersionControlled", ["Url"] = "https://git.example/octofx.git", ["DefaultBranch"] = "main", ["BasePath"] = ".octopus" }
            : new JsonObject { ["Type"] = "Database" };
        d["ClonedFromProjectId"] = null;
        d["ExtensionSettings"] = new JsonArray();
        d["ProjectTags"] = new JsonArray();
        var links = (JsonObject)d["Links"]!;
        links["Channels"] = $"/api/{_space.SpaceId}/projects/{_id}/channels";
        links["Variables"] = $"/api/{_space.SpaceId}/variables/variableset-{_id}";
        links["DeploymentProcess"] = $"/api/{_space.SpaceId}/deploymentprocesses/deploymentprocess-{_id}";
        return d;
    }

    internal IEnumerable<JsonObject> BuildChannels() => _channels.Select(c =>
    {
        var d = _space.Doc(_space.IdOf(ResourceKind.Channel, $"{Name}/{c.Name}"), c.Name, "channels");
        d["Description"] = "";
        d["ProjectId"] = _id;
        d["LifecycleId"] = c.Lifecycle is null ? null : _space.IdOf(ResourceKind.Lifecycle, c.Lifecycle);
        d["IsDefault"] = c.IsDefault;
        d["Rules"] = new JsonArray();
        d["TenantTags"] = c.TenantTags.ToJsonArray();
        d["GitReferenceRules"] = new JsonArray();
        d["GitResourceRules"] = new JsonArray();
        return d;
    });

    internal JsonObject BuildProcess() => new()
    {
        ["Id"] = $"deploymentprocess-{_id}",
        ["ProjectId"] = _id,
        ["Version"] = _steps.Count,
        ["LastSnapshotId"] = null,
        ["SpaceId"] = _space.SpaceId,
        ["Steps"] = new JsonArray(_steps.Select(s => (JsonNode)s.Build()).ToArray()),
        ["Links"] = new JsonObject { ["Self"] = $"/api/{_space.SpaceId}/deploymentprocesses/deploymentprocess-{_id}" },
    };

    internal IEnumerable<(JsonObject Runbook, JsonObject Process)> BuildRunbooks() => _runbooks.Select(r => r.Build(_id));

    internal JsonObject BuildVariables() => _variables.Build($"variableset-{_id}", _id);

    private string LibrarySetId(string name)
    {
        try
        {
            return _space.IdOf(ResourceKind.LibraryVariableSet, name);
        }
        catch (KeyNotFoundException)
        {
            return _space.IdOf(ResourceKind.ScriptModule, name);
        }
    }
}
