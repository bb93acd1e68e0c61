using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>
/// Builds a <see cref="SpaceSnapshot"/> of realistic Octopus JSON from compact calls, referencing everything by name:
/// <c>new SnapshotBuilder("Spaces-1").Environment("Development").Project("OctoFx", p => p.Step("Deploy web")).Build()</c>.
/// Ids are assigned when an object is declared (so <see cref="IdOf"/> works right away); references are resolved at
/// <see cref="Build"/>, so declaration order does not matter. A new space comes with what Octopus creates for it
/// ("Default Lifecycle", "Default Project Group", the built-in feed, "Default Worker Pool") unless <c>withDefaults</c> is false.
/// Numeric ids start at <c>firstId</c>; by default <c>Spaces-N</c> starts at <c>(N-1)*100+1</c>, so a source and a
/// destination built in the same test never share ids by accident.
/// </summary>
public sealed partial class SnapshotBuilder
{
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private readonly int _firstId;
    private readonly Dictionary<(ResourceKind, string), string> _ids = new(KeyComparer.Instance);
    private readonly List<(ResourceKind Kind, string Name, Func<JsonObject> Build)> _documents = [];
    private readonly List<ProjectBuilder> _projects = [];
    private readonly List<(ResourceKind Kind, string Name, Action<JsonObject> Edit)> _customizations = [];

    public SnapshotBuilder(string spaceId = "Spaces-1", string? spaceName = null, int? firstId = null, bool withDefaults = true)
    {
        SpaceId = spaceId;
        SpaceName = spaceName ?? (spaceId == "Spaces-1" ? "Default" : spaceId);
        _firstId = firstId ?? (int.TryParse(spaceId.Replace("Spaces-", "", StringComparison.Ordinal), out var n) ? ((n - 1) * 100) + 1 : 1);
        if (withDefaults)
        {
            Lifecycle("Default Lifecycle");
            ProjectGroup("Default Project Group");
            Feed("Octopus Server (built-in)", "BuiltIn", id: "feeds-builtin");
            WorkerPool("Default Worker Pool", isDefault: true);
        }
    }

    public string SpaceId { get; }
    public string SpaceName { get; }

    /// <summary>The id given to a declared object (channels: key <c>Project/Channel</c>; actions: <c>Project/Action</c>).</summary>
    public string IdOf(ResourceKind kind, string name) =>
        _ids.TryGetValue((kind, name), out var id) ? id : throw new KeyNotFoundException($"No {kind} named '{name}' in {SpaceId}.");

    /// <summary>Edits the built document of a declared object (for fields the builder has no call for).</summary>
    public SnapshotBuilder Customize(ResourceKind kind, string name, Action<JsonObject> edit)
    {
        _customizations.Add((kind, name, edit));
        return this;
    }

    public SnapshotBuilder Environment(string name)
    {
        var id = Declare(ResourceKind.Environment, name, "Environments");
        var sortOrder = _documents.Count(d => d.Kind == ResourceKind.Environment);
        Add(ResourceKind.Environment, name, () =>
        {
            var d = Doc(id, name, "environments");
            d["Description"] = "";
            d["SortOrder"] = sortOrder;
            d["UseGuidedFailure"] = false;
            d["AllowDynamicInfrastructure"] = true;
            d["EnvironmentTags"] = new JsonArray();
            d["ExtensionSettings"] = new JsonArray();
            return d;
        });
        return this;
    }

    /// <summary>A lifecycle; each phase lists its automatic deployment targets (environment names).</summary>
    public SnapshotBuilder Lifecycle(string name, params (string Phase, string[] Environments)[] phases)
    {
        var id = Declare(ResourceKind.Lifecycle, name, "Lifecycles");
        Add(ResourceKind.Lifecycle, name, () =>
        {
            var d = Doc(id, name, "lifecycles");
            d["Description"] = "";
            d["ReleaseRetentionPolicy"] = Retention();
            d["TentacleRetentionPolicy"] = Retention();
            d["Phases"] = new JsonArray(phases.Select(p => (JsonNode)new JsonObject
            {
                ["Id"] = StableGuid($"Phase:{name}/{p.Phase}"),
                ["Name"] = p.Phase,
                ["AutomaticDeploymentTargets"] = p.Environments.Select(e => IdOf(ResourceKind.Environment, e)).ToJsonArray(),
                ["OptionalDeploymentTargets"] = new JsonArray(),
                ["MinimumEnvironmentsBeforePromotion"] = 0,
                ["IsOptionalPhase"] = false,
                ["IsPriorityPhase"] = false,
                ["ReleaseRetentionPolicy"] = null,
                ["TentacleRetentionPolicy"] = null,
            }).ToArray());
            return d;
        });
        return this;
    }

    public SnapshotBuilder ProjectGroup(string name)
    {
        var id = Declare(ResourceKind.ProjectGroup, name, "ProjectGroups");
        Add(ResourceKind.ProjectGroup, name, () =>
        {
            var d = Doc(id, name, "projectgroups");
            d["Description"] = "";
            d["EnvironmentIds"] = new JsonArray();
            d["RetentionPolicyId"] = null;
            return d;
        });
        return this;
    }

    /// <summary>A tag set with its tags (canonical names <c>Set/Tag</c>).</summary>
    public SnapshotBuilder TagSet(string name, params string[] tags)
    {
        var id = Declare(ResourceKind.TagSet, name, "TagSets");
        Add(ResourceKind.TagSet, name, () =>
        {
            var d = Doc(id, name, "tagsets");
            d.Remove("Slug");
            d["Description"] = "";
            d["SortOrder"] = 0;
            d["Scopes"] = new JsonArray("Tenant");
            d["Type"] = "MultiSelect";
            d["IsSystem"] = false;
            d["Tags"] = new JsonArray(tags.Select((t, i) => (JsonNode)new JsonObject
            {
                ["Id"] = $"{id}-{i + 1}",
                ["Name"] = t,
                ["CanonicalTagName"] = $"{name}/{t}",
                ["Color"] = "#3156B3",
                ["Description"] = "",
                ["SortOrder"] = i,
            }).ToArray());
            return d;
        });
        return this;
    }

    public SnapshotBuilder Project(string name, Action<ProjectBuilder>? configure = null)
    {
        var id = Declare(ResourceKind.Project, name, "Projects");
        var project = new ProjectBuilder(this, id, name);
        configure?.Invoke(project);
        _projects.Add(project);
        return this;
    }

    public SnapshotBuilder Tenant(string name, Action<TenantBuilder>? configure = null)
    {
        var id = Declare(ResourceKind.Tenant, name, "Tenants");
        var tenant = new TenantBuilder();
        configure?.Invoke(tenant);
        Add(ResourceKind.Tenant, name, () => tenant.Build(this, Doc(id, name, "tenants")));
        return this;
    }

    private sealed class KeyComparer : IEqualityComparer<(ResourceKind, string)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((ResourceKind, string) x, (ResourceKind, string) y) =>
            x.Item1 == y.Item1 && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((ResourceKind, string) obj) =>
            HashCode.Combine(obj.Item1, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
