using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>The values of a project or library variable set, scoped by name.</summary>
public sealed class VariableSetBuilder
{
    private readonly SnapshotBuilder _space;
    private readonly string? _project;
    private readonly List<(string Name, string? Value, ScopeBuilder Scope, string Type, bool Sensitive)> _values = [];

    internal VariableSetBuilder(SnapshotBuilder space, string? project)
    {
        _space = space;
        _project = project;
    }

    public VariableSetBuilder Variable(string name, string? value, Action<ScopeBuilder>? scope = null, string type = "String", bool sensitive = false)
    {
        var s = new ScopeBuilder();
        scope?.Invoke(s);
        _values.Add((name, value, s, sensitive ? "Sensitive" : type, sensitive));
        return this;
    }

    internal JsonObject Build(string id, string ownerId)
    {
        var variables = _values.Select((v, i) => (JsonNode)new JsonObject
        {
            ["Id"] = _space.StableGuid($"Variable:{id}/{v.Name}/{i}"),
            ["Name"] = v.Name,
            ["Value"] = v.Sensitive ? null : ResolveValue(v.Type, v.Value),
            ["Description"] = null,
            ["Type"] = v.Type,
            ["IsSensitive"] = v.Sensitive,
            ["IsEditable"] = true,
            ["Prompt"] = null,
            ["Scope"] = v.Scope.Build(_space, _project),
        }).ToArray();
        return new JsonObject
        {
            ["Id"] = id,
            ["OwnerId"] = ownerId,
            ["Version"] = 1,
            ["SpaceId"] = _space.SpaceId,
            ["Variables"] = new JsonArray(variables),
            ["ScopeValues"] = new JsonObject
            {
                ["Environments"] = new JsonArray(),
                ["Machines"] = new JsonArray(),
                ["Actions"] = new JsonArray(),
                ["Roles"] = new JsonArray(),
                ["Channels"] = new JsonArray(),
                ["TenantTags"] = new JsonArray(),
                ["Processes"] = new JsonArray(),
            },
            ["Links"] = new JsonObject { ["Self"] = $"/api/{_space.SpaceId}/variables/{id}" },
        };
    }

    /// <summary>Account, certificate and worker-pool values are given by name and stored as ids, as Octopus does.</summary>
    private string? ResolveValue(string type, string? value) => (type, value) switch
    {
        (_, null) => null,
        ("Certificate", _) => _space.IdOf(ResourceKind.Certificate, value),
        ("WorkerPool", _) => _space.IdOf(ResourceKind.WorkerPool, value),
        (_, _) when type.EndsWith("Account", StringComparison.Ordinal) => _space.IdOf(ResourceKind.Account, value),
        _ => value,
    };
}

/// <summary>The scope of one variable value, by names: environments, roles, machines, channels and steps of the
/// owning project, tenant tags (<c>Set/Tag</c>), process owners (the project's name or one of its runbooks).</summary>
public sealed class ScopeBuilder
{
    private readonly Dictionary<string, List<string>> _scope = new(StringComparer.Ordinal);

    public ScopeBuilder Environment(params string[] names) => Add("Environment", names);
    public ScopeBuilder Role(params string[] names) => Add("Role", names);
    public ScopeBuilder Machine(params string[] names) => Add("Machine", names);
    public ScopeBuilder Channel(params string[] names) => Add("Channel", names);
    /// <summary>Action names; a runbook action as <c>Runbook/Action</c>.</summary>
    public ScopeBuilder Action(params string[] names) => Add("Action", names);
    public ScopeBuilder TenantTag(params string[] names) => Add("TenantTag", names);
    public ScopeBuilder ProcessOwner(params string[] names) => Add("ProcessOwner", names);

    internal JsonObject Build(SnapshotBuilder space, string? project)
    {
        var scope = new JsonObject();
        foreach (var (dimension, names) in _scope)
        {
            scope[dimension] = names.Select(n => dimension switch
            {
                "Environment" => space.IdOf(ResourceKind.Environment, n),
                "Machine" => space.IdOf(ResourceKind.Machine, n),
                "Channel" => space.IdOf(ResourceKind.Channel, $"{project}/{n}"),
                "Action" => space.IdOf(ResourceKind.Action, $"{project}/{n}"),
                "ProcessOwner" => string.Equals(n, project, StringComparison.OrdinalIgnoreCase)
                    ? space.IdOf(ResourceKind.Project, n)
                    : space.IdOf(ResourceKind.Runbook, $"{project}/{n}"),
                _ => n,
            }).ToJsonArray();
        }

        return scope;
    }

    private ScopeBuilder Add(string dimension, string[] names)
    {
        if (!_scope.TryGetValue(dimension, out var list))
        {
            _scope[dimension] = list = [];
        }

        list.AddRange(names);
        return this;
    }
}
