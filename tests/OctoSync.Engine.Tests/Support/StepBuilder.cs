using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>A step with one action of the same name; scopes and references by name, resolved at build.</summary>
public sealed class StepBuilder
{
    private readonly SnapshotBuilder _space;
    private readonly string _name;
    private readonly string _actionId;
    private readonly List<string> _environments = [];
    private readonly List<string> _excludedEnvironments = [];
    private readonly List<string> _channels = [];
    private readonly List<string> _tenantTags = [];
    private readonly List<string> _roles = [];
    private readonly List<Action<JsonObject>> _properties = [];
    private readonly List<(string PackageId, string Feed, string Name)> _packages = [];
    private readonly List<Action<JsonObject>> _edits = [];
    private readonly string _project;
    private string _actionType = "Octopus.Script";
    private string? _workerPool;

    internal StepBuilder(SnapshotBuilder space, string project, string? runbook, string name)
    {
        _space = space;
        _project = project;
        _name = name;
        var key = runbook is null ? $"{project}/{name}" : $"{project}/{runbook}/{name}";
        _actionId = space.StableGuid($"Action:{key}");
        space.Register(ResourceKind.Action, key, _actionId);
        Property("Octopus.Action.RunOnServer", "true");
        Property("Octopus.Action.Script.ScriptSource", "Inline");
        Property("Octopus.Action.Script.Syntax", "PowerShell");
        Property("Octopus.Action.Script.ScriptBody", $"Write-Host '{name}'");
    }

    public StepBuilder Environments(params string[] names) { _environments.AddRange(names); return this; }

    public StepBuilder ExcludedEnvironments(params string[] names) { _excludedEnvironments.AddRange(names); return this; }

    /// <summary>Channels of the same project, by name.</summary>
    public StepBuilder Channels(params string[] names) { _channels.AddRange(names); return this; }

    /// <summary>Canonical tag names <c>Set/Tag</c>.</summary>
    public StepBuilder TenantTags(params string[] tags) { _tenantTags.AddRange(tags); return this; }

    /// <summary>Target roles (step property <c>Octopus.Action.TargetRoles</c>); the action no longer runs on the server.</summary>
    public StepBuilder Roles(params string[] roles)
    {
        _roles.AddRange(roles);
        return Property("Octopus.Action.RunOnServer", "false");
    }

    public StepBuilder Type(string actionType) { _actionType = actionType; return this; }

    public StepBuilder Property(string key, string value)
    {
        _properties.Add(p => p[key] = value);
        return this;
    }

    /// <summary>A property holding the id of a named object (account, certificate, project, worker pool…).</summary>
    public StepBuilder PropertyId(string key, ResourceKind kind, string name)
    {
        _properties.Add(p => p[key] = _space.IdOf(kind, name));
        return this;
    }

    /// <summary>A write-only (sensitive) property, as the API returns it.</summary>
    public StepBuilder SensitiveProperty(string key)
    {
        _properties.Add(p => p[key] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null });
        return this;
    }

    /// <summary>A package from a feed (by feed name); name "" = the primary package.</summary>
    public StepBuilder Package(string packageId, string feed = "Octopus Server (built-in)", string name = "")
    {
        _packages.Add((packageId, feed, name));
        return this;
    }

    public StepBuilder WorkerPool(string name) { _workerPool = name; return Property("Octopus.Action.RunOnServer", "true"); }

    /// <summary>Uses a step template: the template's id and version, as Octopus stores them.</summary>
    public StepBuilder Template(string name, int version = 1)
    {
        _properties.Add(p => p["Octopus.Action.Template.Id"] = _space.IdOf(ResourceKind.ActionTemplate, name));
        return Property("Octopus.Action.Template.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Edits the built action document.</summary>
    public StepBuilder EditAction(Action<JsonObject> edit) { _edits.Add(edit); return this; }

    internal JsonObject Build()
    {
        var properties = new JsonObject();
        _properties.ForEach(p => p(properties));
        if (_packages.FirstOrDefault(p => p.Name.Length == 0) is { PackageId: not null } primary)
        {
            properties["Octopus.Action.Package.PackageId"] = primary.PackageId;
            properties["Octopus.Action.Package.FeedId"] = _space.IdOf(ResourceKind.Feed, primary.Feed);
        }

        var action = new JsonObject
        {
            ["Id"] = _actionId,
            ["Name"] = _name,
            ["Slug"] = _name.ToLowerInvariant().Replace(' ', '-'),
            ["ActionType"] = _actionType,
            ["Notes"] = null,
            ["IsDisabled"] = false,
            ["IsRequired"] = false,
            ["CanBeUsedForProjectVersioning"] = _packages.Count > 0,
            ["Condition"] = "Success",
            ["Environments"] = _environments.Select(e => _space.IdOf(ResourceKind.Environment, e)).ToJsonArray(),
            ["ExcludedEnvironments"] = _excludedEnvironments.Select(e => _space.IdOf(ResourceKind.Environment, e)).ToJsonArray(),
            ["Channels"] = _channels.Select(c => _space.IdOf(ResourceKind.Channel, $"{_project}/{c}")).ToJsonArray(),
            ["TenantTags"] = _tenantTags.ToJsonArray(),
            ["WorkerPoolId"] = _workerPool is null ? null : _space.IdOf(ResourceKind.WorkerPool, _workerPool),
            ["WorkerPoolVariable"] = null,
            ["Container"] = new JsonObject { ["Image"] = null, ["FeedId"] = null },
            ["Packages"] = new JsonArray(_packages.Select(p => (JsonNode)new JsonObject
            {
                ["Id"] = _space.StableGuid($"Package:{_actionId}/{p.Name}"),
                ["Name"] = p.Name,
                ["PackageId"] = p.PackageId,
                ["FeedId"] = _space.IdOf(ResourceKind.Feed, p.Feed),
                ["AcquisitionLocation"] = "Server",
                ["Properties"] = new JsonObject { ["SelectionMode"] = "immediate" },
            }).ToArray()),
            ["GitDependencies"] = new JsonArray(),
            ["StepPackageVersion"] = null,
            ["Inputs"] = null,
            ["Properties"] = properties,
            ["Links"] = new JsonObject(),
        };
        _edits.ForEach(e => e(action));
        var stepProperties = new JsonObject();
        if (_roles.Count > 0)
        {
            stepProperties["Octopus.Action.TargetRoles"] = string.Join(",", _roles);
        }

        return new JsonObject
        {
            ["Id"] = _space.StableGuid($"Step:{_actionId}"),
            ["Name"] = _name,
            ["Slug"] = _name.ToLowerInvariant().Replace(' ', '-'),
            ["Condition"] = "Success",
            ["StartTrigger"] = "StartAfterPrevious",
            ["PackageRequirement"] = "LetOctopusDecide",
            ["Properties"] = stepProperties,
            ["Actions"] = new JsonArray(action),
        };
    }
}
