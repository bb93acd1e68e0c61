using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Support;

/// <summary>A tenant: project-environment connections and tags, by name.</summary>
public sealed class TenantBuilder
{
    private readonly List<(string Project, string[] Environments)> _connections = [];
    private readonly List<string> _tags = [];

    public TenantBuilder Connect(string project, params string[] environments) { _connections.Add((project, environments)); return this; }

    /// <summary>Canonical tag names <c>Set/Tag</c>.</summary>
    public TenantBuilder Tags(params string[] tags) { _tags.AddRange(tags); return this; }

    internal JsonObject Build(SnapshotBuilder space, JsonObject d)
    {
        d["Description"] = null;
        d["IsDisabled"] = false;
        d["ClonedFromTenantId"] = null;
        d["TenantTags"] = _tags.ToJsonArray();
        var connections = new JsonObject();
        foreach (var (project, environments) in _connections)
        {
            connections[space.IdOf(ResourceKind.Project, project)] = environments.Select(e => space.IdOf(ResourceKind.Environment, e)).ToJsonArray();
        }

        d["ProjectEnvironments"] = connections;
        d["Icon"] = null;
        d["CustomFields"] = new JsonArray();
        return d;
    }
}
