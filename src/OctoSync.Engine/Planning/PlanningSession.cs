using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Translation;

namespace OctoSync.Engine.Planning;

/// <summary>
/// The state of one destination plan while the kind planners run in dependency order: the translator they teach,
/// and the changes, diagnostics and clean-up items they add, in order.
/// </summary>
public sealed class PlanningSession
{
    public PlanningSession(PlanningInput input)
    {
        Input = input;
        Translator = new Translator(new NameIndex(input.Source), new NameIndex(input.Destination));
    }

    public PlanningInput Input { get; }
    public Translator Translator { get; }
    public SpaceSnapshot Source => Input.Source;
    public SpaceSnapshot Destination => Input.Destination;

    /// <summary>The destination-level rules: for everything that does not belong to one project.</summary>
    public SyncRules Rules => Input.Rules.Default;

    /// <summary>Source channels by project id (exact, as <see cref="Channels.ChannelPlanner"/> matches them), built on first use.</summary>
    public ProjectChildren SourceChannels => field ??= new ProjectChildren(Source.Channels, StringComparer.Ordinal);

    /// <summary>Destination channels by project id (exact), built on first use.</summary>
    public ProjectChildren DestinationChannels => field ??= new ProjectChildren(Destination.Channels, StringComparer.Ordinal);

    /// <summary>Source runbooks by project id (ignoring case, as <see cref="Processes.RunbookPlanner"/> matches them), built on first use.</summary>
    public ProjectChildren SourceRunbooks => field ??= new ProjectChildren(Source.Runbooks, StringComparer.OrdinalIgnoreCase);

    /// <summary>Destination runbooks by project id (ignoring case), built on first use.</summary>
    public ProjectChildren DestinationRunbooks => field ??= new ProjectChildren(Destination.Runbooks, StringComparer.OrdinalIgnoreCase);

    public List<Change> Changes { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    public List<CleanupItem> Cleanup { get; } = [];
    public List<EnvironmentMapping> EnvironmentMappings { get; } = [];

    /// <summary>Canonical tag names (<c>Set/Tag</c>) that exist on the destination once this plan is applied.</summary>
    public HashSet<string> AvailableTags { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Variable names each planned library variable set brings to the destination, by source set name.</summary>
    public Dictionary<string, IReadOnlySet<string>> LibrarySetNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source documents in a stable order (by name, then id), so the plan does not depend on API order.</summary>
    public static IEnumerable<JsonObject> Ordered(IEnumerable<JsonObject> documents) =>
        documents.OrderBy(d => d.Name(), StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Name(), StringComparer.Ordinal)
            .ThenBy(d => d.Str("Id"), StringComparer.OrdinalIgnoreCase);

    /// <summary>The destination document of a named object (after any mapping), or null.</summary>
    public JsonObject? DestinationDocument(ResourceKind kind, string destinationKey) => Translator.Destination.Document(kind, destinationKey);

    /// <summary>Records a skipped object: a Skip change and a diagnostic saying why.</summary>
    public void Skip(ResourceKind kind, string key, string rule, string reason, string? owner = null, JsonObject? destination = null, Severity severity = Severity.Info)
    {
        Changes.Add(new Change
        {
            Kind = kind,
            Key = key,
            Action = ChangeAction.Skip,
            Rule = rule,
            Reason = reason,
            Owner = owner,
            DestinationId = destination?.Str("Id"),
            Before = destination,
        });
        Diagnostics.Add(new Diagnostic(severity, $"{kind} \"{key}\" skipped: {reason}", rule, key));
    }

    public void Add(Plan part)
    {
        Changes.AddRange(part.Changes);
        Diagnostics.AddRange(part.Diagnostics);
        Cleanup.AddRange(part.Cleanup);
    }

    public Plan ToPlan() => new()
    {
        Destination = Input.DestinationName,
        SourceSpace = Source.SpaceName,
        DestinationSpace = Destination.SpaceName,
        SourceServerVersion = Source.ServerVersion,
        DestinationServerVersion = Destination.ServerVersion,
        EnvironmentMappings = [.. EnvironmentMappings],
        Changes = [.. Changes],
        Diagnostics = [.. Diagnostics],
        Cleanup = [.. Cleanup],
    };
}
