using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// A POST whose outcome is unknown — the connection dropped, or a 5xx came back after the request was sent — may
/// or may not have created the object, so sending it again blindly could make a duplicate (the retry policy never
/// repeats such a POST, see <see cref="OctopusResilience"/>). Before each new attempt the object is looked up by its
/// name (and project, for channels and runbooks): found, it is the one this POST created — the plan decided to
/// create it because no such object existed when it was read — and the apply carries on with it; not found, the POST
/// is sent again. A 4xx is an answer, not an unknown outcome: it fails the change at once.
/// </summary>
internal static class UnknownOutcomes
{
    /// <summary>Attempts of one POST, the first included.</summary>
    public const int MaxAttempts = 4;

    public static async Task<JsonObject> CreateAsync(IOctopusSpaceClient client, ResourceKind kind, JsonObject body, CancellationToken ct)
    {
        var collection = ResourcePaths.Collection(kind);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.CreateAsync(collection, body, ct).ConfigureAwait(false);
            }
            catch (OctopusApiException e) when (IsUnknown(e) && attempt < MaxAttempts && body.Str("Name") is { Length: > 0 })
            {
                if (await FindAsync(client, collection, body, ct).ConfigureAwait(false) is { } created)
                {
                    return created;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 << (attempt - 1)), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>No answer, or a server error after the request was sent: the server may have acted on it.</summary>
    public static bool IsUnknown(OctopusApiException e) => e.StatusCode == 0 || e.StatusCode >= 500;

    private static async Task<JsonObject?> FindAsync(IOctopusSpaceClient client, string collection, JsonObject body, CancellationToken ct)
    {
        var name = body.Str("Name")!;
        var project = body.Str("ProjectId");
        await foreach (var candidate in client.ListAsync(collection, "partialName=" + Uri.EscapeDataString(name), ct).ConfigureAwait(false))
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase)
                && (project is null || string.Equals(candidate.Str("ProjectId"), project, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return null;
    }
}
