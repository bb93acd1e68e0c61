using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>Feeds, worker pools, accounts, certificates, step templates, script modules, library variable sets, machines.</summary>
public sealed partial class SnapshotBuilder
{
    /// <summary>A feed; external feeds carry a write-only password (<c>HasValue</c> only, as the API returns it).</summary>
    public SnapshotBuilder Feed(string name, string feedType = "NuGet", string? uri = null, string? id = null)
    {
        var feedId = Declare(ResourceKind.Feed, name, "Feeds", id);
        Add(ResourceKind.Feed, name, () =>
        {
            var d = Doc(feedId, name, "feeds");
            d["FeedType"] = feedType;
            d["PackageAcquisitionLocationOptions"] = new JsonArray("Server", "ExecutionTarget");
            if (feedType != "BuiltIn")
            {
                d["FeedUri"] = uri ?? $"https://{name.ToLowerInvariant().Replace(' ', '-')}.example/v3/index.json";
                d["Username"] = "octo";
                d["Password"] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null, ["Hint"] = null };
                d["DownloadAttempts"] = 5;
                d["DownloadRetryBackoffSeconds"] = 10;
            }

            return d;
        });
        return this;
    }

    public SnapshotBuilder WorkerPool(string name, bool isDefault = false, bool dynamic = false)
    {
        var id = Declare(ResourceKind.WorkerPool, name, "WorkerPools");
        var sortOrder = _documents.Count(d => d.Kind == ResourceKind.WorkerPool);
        Add(ResourceKind.WorkerPool, name, () =>
        {
            var d = Doc(id, name, "workerpools");
            d["Description"] = "";
            d["IsDefault"] = isDefault;
            d["SortOrder"] = sortOrder;
            d["WorkerPoolType"] = dynamic ? "DynamicWorkerPool" : "StaticWorkerPool";
            d["CanAddWorkers"] = !dynamic;
            if (dynamic)
            {
                d["WorkerType"] = "Ubuntu2204";
            }

            return d;
        });
        return this;
    }

    /// <summary>A custom script step template with string parameters.</summary>
    public SnapshotBuilder StepTemplate(string name, string scriptBody = "Write-Host 'hello'", int version = 1, params string[] parameters)
    {
        var id = Declare(ResourceKind.ActionTemplate, name, "ActionTemplates");
        Add(ResourceKind.ActionTemplate, name, () =>
        {
            var d = Doc(id, name, "actiontemplates");
            d.Remove("Slug");
            d["Description"] = "";
            d["ActionType"] = "Octopus.Script";
            d["Version"] = version;
            d["CommunityActionTemplateId"] = null;
            d["Packages"] = new JsonArray();
            d["GitDependencies"] = new JsonArray();
            d["Properties"] = new JsonObject
            {
                ["Octopus.Action.Script.ScriptBody"] = scriptBody,
                ["Octopus.Action.Script.Syntax"] = "PowerShell",
                ["Octopus.Action.Script.ScriptSource"] = "Inline",
            };
            d["Parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject
            {
                ["Id"] = StableGuid($"Parameter:{name}/{p}"),
                ["Name"] = p,
                ["Label"] = p,
                ["HelpText"] = "",
                ["DefaultValue"] = "",
                ["DisplaySettings"] = new JsonObject { ["Octopus.ControlType"] = "SingleLineText" },
            }).ToArray());
            return d;
        });
        return this;
    }

    /// <summary>A script module: a library variable set (ContentType ScriptModule) holding its two variables.</summary>
    public SnapshotBuilder ScriptModule(string name, string body = "function Say-Hello { 'hello' }", string language = "PowerShell") =>
        LibrarySet(name, "ScriptModule", ResourceKind.ScriptModule, v => v
            .Variable($"Octopus.Script.Module[{name}]", body)
            .Variable($"Octopus.Script.Module.Language[{name}]", language));

    public SnapshotBuilder LibraryVariableSet(string name, Action<VariableSetBuilder>? variables = null) =>
        LibrarySet(name, "Variables", ResourceKind.LibraryVariableSet, variables);

    /// <summary>A deployment target in environments with roles (for Machine scopes).</summary>
    public SnapshotBuilder Machine(string name, string[] environments, params string[] roles)
    {
        var id = Declare(ResourceKind.Machine, name, "Machines");
        Add(ResourceKind.Machine, name, () =>
        {
            var d = Doc(id, name, "machines");
            d["IsDisabled"] = false;
            d["EnvironmentIds"] = environments.Select(e => IdOf(ResourceKind.Environment, e)).ToJsonArray();
            d["Roles"] = roles.ToJsonArray();
            d["TenantedDeploymentParticipation"] = "Untenanted";
            d["TenantIds"] = new JsonArray();
            d["TenantTags"] = new JsonArray();
            d["Endpoint"] = new JsonObject { ["CommunicationStyle"] = "None", ["Id"] = null };
            return d;
        });
        return this;
    }

    private SnapshotBuilder LibrarySet(string name, string contentType, ResourceKind kind, Action<VariableSetBuilder>? variables)
    {
        var id = Declare(kind, name, "LibraryVariableSets");
        var variableSetId = $"variableset-{id}";
        _ids[(ResourceKind.VariableSet, $"LibraryVariableSet:{name}")] = variableSetId;
        var set = new VariableSetBuilder(this, null);
        variables?.Invoke(set);
        Add(kind, name, () =>
        {
            var d = Doc(id, name, "libraryvariablesets");
            d.Remove("Slug");
            d["Description"] = "";
            d["ContentType"] = contentType;
            d["VariableSetId"] = variableSetId;
            d["Templates"] = new JsonArray();
            ((JsonObject)d["Links"]!)["Variables"] = $"/api/{SpaceId}/variables/{variableSetId}";
            return d;
        });
        _variableSets.Add((variableSetId, id, name, set));
        return this;
    }
}
