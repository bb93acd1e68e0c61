using System.Text.Json.Nodes;
using OctoSync.Engine.Api;
using OctoSync.Engine.Applying.Internal;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying.SavedPlans;

/// <summary>
/// What <c>plan --out FILE</c> writes and <c>apply FILE</c> executes exactly, without planning again
/// (docs/commands.md, apply; docs/reports.md). Per destination: the plan itself (every change with the whole
/// document to write), where it goes (server URL without any key, space id), the state serial it was planned from
/// and a fingerprint of every destination document it changes, so that apply can refuse a stale plan before
/// writing anything. It holds no secret: API keys stay in the configuration and the environment, and the documents
/// are what Octopus answered, which never includes a sensitive value.
/// </summary>
public sealed record SavedPlan
{
    public const string FormatName = "octosync-plan";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required IReadOnlyList<SavedDestinationPlan> Destinations { get; init; }
}

/// <summary>The saved plan of one destination.</summary>
/// <param name="Destination">The destination's name in the configuration.</param>
/// <param name="Server">The destination server's URL (no API key, no query).</param>
/// <param name="SpaceId">The destination space.</param>
/// <param name="StateSerial">The <see cref="SyncState.Serial"/> the plan was made from.</param>
/// <param name="Documents">Each destination document the plan updates or deletes, fingerprinted as read.</param>
/// <param name="Plan">The plan, its changes without their <see cref="Change.Before"/> documents (the fingerprints
/// stand for them; a versioned document's <c>Version</c> stays in <see cref="Change.After"/>).</param>
public sealed record SavedDestinationPlan(
    string Destination,
    string Server,
    string SpaceId,
    long StateSerial,
    IReadOnlyList<DocumentFingerprint> Documents,
    Plan Plan)
{
    /// <summary>The saved form of a plan just made.</summary>
    public static SavedDestinationPlan Of(string destination, IOctopusSpaceClient client, SyncState state, Plan plan)
    {
        var documents = new List<DocumentFingerprint>();
        var changes = new List<Change>(plan.Changes.Count);
        foreach (var change in plan.Changes)
        {
            // Tenant variables are not a document of their own collection: their writer re-reads them and sets only the
            // values the plan names (TenantVariablesWriter), so they carry no fingerprint; nor do deployment settings (a
            // view of the project document, whose own change carries its fingerprint; DeploymentSettingsWriter re-reads).
            if (change.Action is ChangeAction.Update or ChangeAction.Delete && change.Before is { } before
                && change.DestinationId is { } id && !ReferenceToken.IsToken(id) && change.Kind is not (ResourceKind.TenantVariables or ResourceKind.DeploymentSettings))
            {
                documents.Add(new DocumentFingerprint(change.Kind, change.Key, id, Fingerprint.Of(before)));
            }

            var after = change.After;
            if (after is not null && change.Action == ChangeAction.Update && ResourcePaths.IsVersioned(change.Kind) && change.Before?["Version"] is { } version)
            {
                after = (JsonObject)after.DeepClone();
                after["Version"] = version.DeepClone();
            }

            changes.Add(change with { Before = null, After = after });
        }

        return new SavedDestinationPlan(destination, ServerOf(client), client.SpaceId, state.Serial, documents, plan with { Changes = changes });
    }

    /// <summary>The server URL as a plan file records it: scheme, host, port and path, never a query (where a key could hide).</summary>
    public static string ServerOf(IOctopusSpaceClient client) => client.ServerUrl.GetLeftPart(UriPartial.Path);
}

/// <summary>A destination document as the plan read it.</summary>
public sealed record DocumentFingerprint(ResourceKind Kind, string Key, string Id, string Fingerprint);
