using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Tests.Applying;

/// <summary>
/// An in-memory space: documents by path, ids assigned on POST, <c>Version</c> bumped on PUT of processes and
/// variable sets, and a log of every call. A new project comes with its variable set, process and "Default" channel.
/// </summary>
internal sealed class FakeSpaceClient : IOctopusSpaceClient
{
    private int _next = 100;

    public Dictionary<string, JsonObject> Documents { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Calls { get; } = [];
    /// <summary>Writes to a path that throws (e.g. POST projects → 400).</summary>
    public Dictionary<string, OctopusApiException> Failures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Uri ServerUrl { get; } = new("http://fake/");
    public string SpaceId => "Spaces-1";
    public string SpaceName => "Default";

    /// <summary>What the root document would report (decides the tenant variables routes); null = unknown.</summary>
    public string? ServerVersion { get; set; }

    public IEnumerable<string> Writes => Calls.Where(c => !c.StartsWith("GET", StringComparison.Ordinal));

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        Calls.Add($"GET {path}");
        return Task.FromResult(Documents.TryGetValue(path, out var d)
            ? d.Clone()
            : throw new OctopusApiException("GET", path, 404, "The resource you requested was not found.", []));
    }

    public Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    /// <summary>When set, every list (e.g. a new project's channels) throws it.</summary>
    public OctopusApiException? ListFailure { get; set; }

    public async IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add($"GET {collection}");
        await Task.Yield();
        if (ListFailure is { } failure)
        {
            throw failure;
        }

        // projects/{id}/channels
        var parts = collection.Split('/');
        foreach (var d in Documents.Where(p => p.Key.StartsWith("channels/", StringComparison.Ordinal)).Select(p => p.Value))
        {
            if (parts.Length == 3 && d.Str("ProjectId") == parts[1])
            {
                yield return d.Clone();
            }
        }
    }

    public Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default)
    {
        Calls.Add($"POST {collection} {body.ToJsonString()}");
        ThrowIfFailing(collection, "POST");
        var id = $"{char.ToUpperInvariant(collection[0])}{collection[1..]}-{_next++}";
        var doc = body.Clone();
        doc["Id"] = id;
        Documents[$"{collection}/{id}"] = doc;
        if (collection == "projects")
        {
            doc["VariableSetId"] = $"variableset-{id}";
            doc["DeploymentProcessId"] = $"deploymentprocess-{id}";
            Documents[$"variables/variableset-{id}"] = new JsonObject { ["Id"] = $"variableset-{id}", ["Version"] = 0, ["Variables"] = new JsonArray() };
            Documents[$"deploymentprocesses/deploymentprocess-{id}"] = new JsonObject { ["Id"] = $"deploymentprocess-{id}", ["Version"] = 0, ["Steps"] = new JsonArray() };
            var channelId = $"Channels-{_next++}";
            Documents[$"channels/{channelId}"] = new JsonObject { ["Id"] = channelId, ["Name"] = "Default", ["ProjectId"] = id, ["IsDefault"] = true };
        }

        return Task.FromResult(doc.Clone());
    }

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default)
    {
        Calls.Add($"POST {path} {body.ToJsonString()}");
        ThrowIfFailing(path, "POST");
        return Task.FromResult(body.Clone());
    }

    public Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default)
    {
        Calls.Add($"PUT {path} {body.ToJsonString()}");
        ThrowIfFailing(path, "PUT");
        // Octopus refuses a process or variable set whose Version is not the current one (optimistic concurrency).
        if (Documents.TryGetValue(path, out var existing) && existing["Version"] is JsonValue held && held.TryGetValue<int>(out var current)
            && body["Version"] is JsonValue sent && sent.TryGetValue<int>(out var echoed) && echoed != current)
        {
            throw new OctopusApiException("PUT", path, 400, "Changes could not be saved, because another user has made changes to the process between when you started editing and when you saved your changes.", []);
        }

        var doc = body.Clone();
        if (doc["Version"] is JsonValue v && v.TryGetValue<int>(out var version))
        {
            doc["Version"] = version + 1;
        }

        // A process gets ids for new actions, as Octopus assigns them.
        foreach (var action in doc.Arr("Steps").Objects().SelectMany(s => s.Arr("Actions").Objects()).Where(a => a.Str("Id") is null))
        {
            action["Id"] = $"action-{_next++}";
        }

        Documents[path] = doc;
        return Task.FromResult(doc.Clone());
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        Calls.Add($"DELETE {path}");
        ThrowIfFailing(path, "DELETE");
        return Documents.Remove(path) ? Task.CompletedTask : throw new OctopusApiException("DELETE", path, 404, "Not found", []);
    }

    private void ThrowIfFailing(string path, string method)
    {
        if (Failures.TryGetValue($"{method} {path}", out var e))
        {
            throw e;
        }
    }
}
