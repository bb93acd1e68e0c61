using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Lifecycles;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.ThreeWay;

namespace OctoSync.Engine.Planning.Channels;

/// <summary>
/// Channels of one project (spec §5.2). A channel is synced when its lifecycle is available on the destination
/// (inherited, mapped, same name, or synced); otherwise it is skipped and excluded from translation, so steps and
/// variable values scoped to it follow <c>steps.missingChannels</c> and <c>variables.scopeMatch</c>.
/// <c>channels: skip</c> writes no channel. The source's default channel is the destination project's default
/// channel (a new project comes with one named "Default").
/// </summary>
public static class ChannelPlanner
{
    private static readonly string[] Unmanaged = ["ProjectId", "IsDefault"];

    /// <returns>Channels OctoSync wrote whose source channel is gone (spec §6): the caller adds them after the project's
    /// process and variables, which may still name them until they are written.</returns>
    public static IReadOnlyList<Change> Plan(PlanningSession session, JsonObject sourceProject, JsonObject? destinationProject, string projectId, SyncRules rules)
    {
        var planned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var project = sourceProject.Name();
        var translator = session.Translator;
        var destinationChannels = destinationProject is null ? [] : session.DestinationChannels.Of(destinationProject.Id()).ToList();
        var destinationDefault = destinationChannels.FirstOrDefault(c => c.Bool("IsDefault"));
        var sources = PlanningSession.Ordered(session.SourceChannels.Of(sourceProject.Id()))
            .OrderByDescending(c => c.Bool("IsDefault")).ToList();
        var sourceNames = sources.Select(c => c.Name()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in sources)
        {
            var key = ResourceKeys.Channel(project, channel.Name());
            if (channel.Bool("IsDefault"))
            {
                var defaultName = destinationDefault?.Name() ?? "Default";
                var defaultKey = ResourceKeys.Channel(project, defaultName);
                if (!string.Equals(defaultKey, key, StringComparison.OrdinalIgnoreCase))
                {
                    translator.Map(ResourceKind.Channel, key, defaultKey);
                }

                planned.Add(defaultKey);
                if (destinationDefault is null)
                {
                    translator.PlanCreate(ResourceKind.Channel, defaultKey);
                }

                if (rules.Channels == ChannelsMode.Sync)
                {
                    PlanDefault(session, project, channel, destinationDefault, defaultKey, defaultName, projectId, rules);
                }

                continue;
            }

            if (rules.Channels == ChannelsMode.Skip)
            {
                translator.Exclude(ResourceKind.Channel, key);
                session.Skip(ResourceKind.Channel, key, "rules.channels: skip", "Channels are not synced; steps and variables scoped to it follow their own rules.", project);
                continue;
            }

            string? lifecycleId = null;
            if (channel.Str("LifecycleId") is { } sourceLifecycle)
            {
                (lifecycleId, var rule, var lifecycleName) = LifecycleResolver.Resolve(session, sourceLifecycle, rules);
                if (lifecycleId is null)
                {
                    translator.Exclude(ResourceKind.Channel, key);
                    session.Skip(ResourceKind.Channel, key, rule, $"Its lifecycle \"{lifecycleName}\" is not available on the destination; steps and variables scoped to it follow their own rules.", project);
                    continue;
                }
            }

            var destination = session.DestinationDocument(ResourceKind.Channel, key);
            var rename = destination is null ? RenamedFrom(session, project, channel, destinationChannels, sourceNames, planned) : null;
            if (rename is not null)
            {
                // Renamed on the source: the channel OctoSync wrote under the old name is this one (same destination id),
                // and every step and value scoped to the source channel translates to it.
                var oldKey = ResourceKeys.Channel(project, rename.OldName);
                translator.Map(ResourceKind.Channel, key, oldKey);
                destination = session.DestinationDocument(ResourceKind.Channel, oldKey);
                planned.Add(oldKey);
            }

            planned.Add(key);
            Decide(session, project, channel, destination, key, null, lifecycleId, projectId, rules, null, rename);
        }

        // A skipped channel (channels: skip, lifecycle missing) is "no longer decided by the rules" when OctoSync wrote it.
        return [.. destinationChannels.Where(c => !c.Bool("IsDefault"))
            .Select(c => (Channel: c, Key: ResourceKeys.Channel(project, c.Name())))
            .Where(c => !planned.Contains(c.Key))
            .Select(c => GoneObjects.Element(session, ResourceKind.Channel, c.Key, c.Channel, rules, project))
            .OfType<Change>()];
    }

    private static void PlanDefault(PlanningSession session, string project, JsonObject channel, JsonObject? destination, string key, string name, string projectId, SyncRules rules)
    {
        string? lifecycleId = null;
        if (channel.Str("LifecycleId") is { } sourceLifecycle)
        {
            (lifecycleId, var rule, var lifecycleName) = LifecycleResolver.Resolve(session, sourceLifecycle, rules);
            if (lifecycleId is null)
            {
                session.Diagnostics.Add(new Diagnostic(Severity.Warning, $"Default channel \"{key}\": lifecycle \"{lifecycleName}\" is not available; it inherits the project's lifecycle.", rule, key));
            }
        }

        // A new project comes with its default channel: OctoSync's from the start, so it is updated, never "left".
        var fresh = destination is null ? FreshDefault(projectId, key, name) : null;
        Decide(session, project, channel, destination ?? fresh, key, name, lifecycleId, projectId, rules, fresh);
    }

    /// <summary>The rename of this source channel, when OctoSync wrote it before under a name it no longer has (<see cref="SourceRename"/>).</summary>
    private static SourceRename? RenamedFrom(PlanningSession session, string project, JsonObject channel, List<JsonObject> destinationChannels,
        HashSet<string> sourceNames, HashSet<string> planned) =>
        SourceRename.Find(session.Input.State, ResourceKind.Channel, channel.Str("Id"), name => ResourceKeys.Channel(project, name),
            oldName => !sourceNames.Contains(oldName) && !planned.Contains(ResourceKeys.Channel(project, oldName))
                && destinationChannels.Any(c => !c.Bool("IsDefault") && string.Equals(c.Name(), oldName, StringComparison.OrdinalIgnoreCase)));

    private static void Decide(PlanningSession session, string project, JsonObject channel, JsonObject? destination, string key, string? name, string? lifecycleId, string projectId, SyncRules rules, JsonObject? fresh, SourceRename? rename = null)
    {
        var translated = IdTranslation.TranslateDocument(channel, session.Translator);
        var desired = ObjectDecider.Pick(translated, Unmanaged);
        desired["LifecycleId"] = lifecycleId;
        desired["TenantTags"] = Tags.Available(session, channel.Arr("TenantTags"));
        var change = ObjectDecider.Decide(session, new ObjectCandidate
        {
            Kind = ResourceKind.Channel,
            SourceId = channel.Str("Id"),
            Key = key,
            Name = name,
            TranslatedSource = translated,
            Destination = destination,
            Desired = desired,
            CreateOnly = new JsonObject { ["ProjectId"] = projectId, ["IsDefault"] = false },
            AssumedBase = fresh is null ? null : PortableForm.Fingerprint(ObjectDecider.Managed(fresh, desired), session.Translator),
            RenamedFrom = rename,
            Rules = rules,
            Owner = project,
        });
        session.Changes.Add(fresh is null ? change : change with { DestinationId = fresh.Str("Id"), Before = null });
    }

    private static JsonObject FreshDefault(string projectId, string key, string name) => new()
    {
        ["Id"] = ReferenceToken.For(ResourceKind.Channel, key),
        ["Name"] = name,
        ["Description"] = "",
        ["ProjectId"] = projectId,
        ["LifecycleId"] = null,
        ["IsDefault"] = true,
        ["Rules"] = new JsonArray(),
        ["TenantTags"] = new JsonArray(),
        ["GitReferenceRules"] = new JsonArray(),
        ["GitResourceRules"] = new JsonArray(),
    };
}
