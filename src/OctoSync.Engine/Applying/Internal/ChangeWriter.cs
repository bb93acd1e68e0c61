using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>Writes one Create, Update or Delete and classifies what happened.</summary>
internal sealed class ChangeWriter(IOctopusSpaceClient client, IdRegistry ids)
{
    private const string OctopusDefaultChannel = "Default";
    private readonly TokenResolver _tokens = new(ids);

    public async Task<ChangeOutcome> WriteAsync(Change change, CancellationToken ct)
    {
        try
        {
            // Creating a "Default" channel of a project this apply created: Octopus made it with the project (API notes §3.5,
            // a default channel "Default"), known once the project's channels are read; it is updated instead.
            if (change.Kind == ResourceKind.Channel && change.Action == ChangeAction.Create
                && change.Key.EndsWith("/" + OctopusDefaultChannel, StringComparison.OrdinalIgnoreCase))
            {
                await ids.ReadDeferredChannelsAsync([ReferenceToken.For(change.Kind, change.Key)]).ConfigureAwait(false);
            }

            var (id, body, unresolved) = Resolve(change);
            if (unresolved.Count > 0 && await ids.ReadDeferredChannelsAsync(unresolved).ConfigureAwait(false))
            {
                (id, body, unresolved) = Resolve(change);
            }

            if (unresolved.Count > 0)
            {
                return Unresolved(change, unresolved);
            }

            return await WriteResolvedAsync(change, id, body, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e)
        {
            // Reading a new project's channels failed: this change cannot be written.
            return new ChangeOutcome(change, ApplyOutcome.Failed, e.Message, change.DestinationId);
        }
    }

    /// <summary>The change's destination id and document with every token resolved, and the tokens that could not be.</summary>
    private (string? Id, JsonObject? Body, List<string> Unresolved) Resolve(Change change)
    {
        var unresolved = new List<string>();
        var id = change.DestinationId is null ? null : _tokens.ResolveString(change.DestinationId, unresolved);
        var body = change.After is null ? null : _tokens.Resolve(change.After, unresolved);
        return (id, body, unresolved);
    }

    private async Task<ChangeOutcome> WriteResolvedAsync(Change change, string? id, JsonObject? body, CancellationToken ct)
    {
        try
        {
            return change.Action switch
            {
                ChangeAction.Create => await CreateAsync(change, Require(change, body), ct).ConfigureAwait(false),
                ChangeAction.Update => await UpdateAsync(change, Require(change, id), Require(change, body), ReferenceToken.IsToken(change.DestinationId), ct).ConfigureAwait(false),
                _ => await DeleteAsync(change, Require(change, id), ct).ConfigureAwait(false),
            };
        }
        catch (OctopusApiException e) when (e.IsVersionConflict)
        {
            return new ChangeOutcome(change, ApplyOutcome.Conflict, e.Message, id);
        }
        catch (OctopusApiException e)
        {
            return new ChangeOutcome(change, ApplyOutcome.Failed, e.Message, id);
        }
        catch (InvalidPlanException e)
        {
            return new ChangeOutcome(change, ApplyOutcome.Failed, e.Message, id);
        }
    }

    private async Task<ChangeOutcome> CreateAsync(Change change, JsonObject body, CancellationToken ct)
    {
        // Created together with its owner earlier in this apply (see ImplicitObjects): update it instead.
        if (ids.TryGet(change.Kind, change.Key, out var existingId))
        {
            var path = ResourcePaths.Document(change.Kind, existingId);
            var current = ids.TakeCompanion(change.Kind, change.Key) ?? await client.GetAsync(path, ct).ConfigureAwait(false);
            foreach (var (name, value) in body)
            {
                if (name is not ("Id" or "Links"))
                {
                    current[name] = value?.DeepClone();
                }
            }

            await client.UpdateAsync(path, current, ct).ConfigureAwait(false);
            return new ChangeOutcome(change, ApplyOutcome.Applied, "updated the one Octopus created with its owner", existingId);
        }

        var created = await UnknownOutcomes.CreateAsync(client, change.Kind, body, ct).ConfigureAwait(false);
        ImplicitObjects.Record(change, created, client, ids, ct);
        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: created.Str("Id"));
    }

    private async Task<ChangeOutcome> UpdateAsync(Change change, string id, JsonObject body, bool createdThisApply, CancellationToken ct)
    {
        if (change.Kind == ResourceKind.TenantVariables)
        {
            return await TenantVariablesWriter.WriteAsync(client, change, id, body, ct).ConfigureAwait(false);
        }

        if (change.Kind == ResourceKind.DeploymentSettings)
        {
            return await DeploymentSettingsWriter.WriteAsync(client, change, id, body, ct).ConfigureAwait(false);
        }

        if (change.Kind == ResourceKind.Certificate)
        {
            return await CertificateReplaceWriter.WriteAsync(client, change, id, body, ct).ConfigureAwait(false);
        }

        var path = ResourcePaths.Document(change.Kind, id);
        if (ResourcePaths.IsVersioned(change.Kind))
        {
            // The PUT carries the Version the plan read (the snapshot holds it): Octopus refuses a stale one with 400
            // "another user has made changes", which is the conflict signal (re-read and re-plan).
            if (createdThisApply)
            {
                return await UpdateCompanionAsync(change, id, path, body, ct).ConfigureAwait(false);
            }

            body["Version"] = (change.Before?["Version"] ?? body["Version"])?.DeepClone();
        }

        var saved = await client.UpdateAsync(path, body, ct).ConfigureAwait(false);
        if (ResourcePaths.IsProcess(change.Kind))
        {
            ImplicitObjects.RecordActions(change, saved, ids);
        }

        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: id);
    }

    /// <summary>
    /// A process or variable set Octopus created with its owner in this apply: no plan read it, and the POST's answer
    /// does not carry its Version. Octopus creates it at Version 0 (docs/octopus-api-notes §3.5: "its deployment
    /// process (Version 0, no steps)"), so the PUT tries 0 first; only if the server disagrees is the document read
    /// once for its Version (this apply made the object moments ago, so the refusal is not a person's edit).
    /// </summary>
    private async Task<ChangeOutcome> UpdateCompanionAsync(Change change, string id, string path, JsonObject body, CancellationToken ct)
    {
        JsonObject saved;
        try
        {
            body["Version"] = 0;
            saved = await client.UpdateAsync(path, body, ct).ConfigureAwait(false);
        }
        catch (OctopusApiException e) when (e.IsVersionConflict)
        {
            var current = await client.GetAsync(path, ct).ConfigureAwait(false);
            body["Version"] = current["Version"]?.DeepClone();
            saved = await client.UpdateAsync(path, body, ct).ConfigureAwait(false);
        }

        if (ResourcePaths.IsProcess(change.Kind))
        {
            ImplicitObjects.RecordActions(change, saved, ids);
        }

        return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: id);
    }

    private async Task<ChangeOutcome> DeleteAsync(Change change, string id, CancellationToken ct)
    {
        try
        {
            await client.DeleteAsync(ResourcePaths.Document(change.Kind, id), ct).ConfigureAwait(false);
            return new ChangeOutcome(change, ApplyOutcome.Applied, DestinationId: id);
        }
        catch (OctopusApiException e) when (e.IsNotFound)
        {
            // Already gone: the goal of the change is reached.
            return new ChangeOutcome(change, ApplyOutcome.Applied, "already deleted on the destination", id);
        }
    }

    private ChangeOutcome Unresolved(Change change, List<string> tokens)
    {
        var failed = tokens.Select(TokenResolver.TryParse)
            .Select(t => t is { } p ? ids.FailedDependency(p.Kind, p.Key) : null)
            .FirstOrDefault(f => f is not null);
        if (failed is { } dependency)
        {
            return new ChangeOutcome(change, ApplyOutcome.SkippedBecauseDependencyFailed,
                $"needs {dependency.Kind} {dependency.Key}, which was not written");
        }

        return new ChangeOutcome(change, ApplyOutcome.Failed,
            $"refers to objects this plan does not create: {string.Join(", ", tokens.Distinct())}");
    }

    private static T Require<T>(Change change, T? value) where T : class =>
        value ?? throw new InvalidPlanException($"{change.Action} of {change.Kind} {change.Key} has no {(typeof(T) == typeof(string) ? "DestinationId" : "After")}");

    private sealed class InvalidPlanException(string message) : Exception(message);
}
