using System.Text.Json.Nodes;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.Planning.Translation;
using OctoSync.Engine.Planning.Variables;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Planning.Variables.Support;

/// <summary>
/// One source and one destination space with the OctoFx project on both, and helpers to plan its variable set,
/// render variable tables as the seed shows them, and simulate what the applier and the server do with a plan.
/// </summary>
internal sealed class VariableScenario
{
    public const string Key = "Project:OctoFx";

    public SpaceFixture Source { get; } = new(1);

    public SpaceFixture Destination { get; } = new(101);

    /// <summary>Teach the translator (what the orchestrator does before calling the variables planner).</summary>
    public List<Action<Translator>> Teach { get; } = [];

    public Translator Translator()
    {
        var translator = new Translator(new NameIndex(Source.Build()), new NameIndex(Destination.Build()));
        Teach.ForEach(t => t(translator));
        return translator;
    }

    public VariableSetPlan Plan(JsonObject source, JsonObject? destination, VariableRules? rules = null, SyncState? state = null, Translator? translator = null,
        IReadOnlySet<string>? namesElsewhere = null) =>
        VariableSetPlanner.Plan(new VariableSetPlanningContext
        {
            OwnerKind = "Project",
            OwnerName = "OctoFx",
            Source = source,
            Destination = destination,
            DestinationId = destination?.Str("Id") ?? ReferenceToken.For(ResourceKind.VariableSet, Key),
            Translator = translator ?? Translator(),
            Rules = new SyncRules { Variables = rules ?? new VariableRules() },
            State = state,
            NamesAvailableElsewhere = namesElsewhere ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });

    /// <summary>The rows of a variable set as the seed's tables show them: <c>Name | Value | Scope</c> by names.</summary>
    public List<string> Table(JsonObject? set, Translator? translator = null)
    {
        var t = translator ?? Translator();
        return (set?.Arr("Variables").Objects() ?? []).Select(v =>
        {
            var scope = v.Obj("Scope") ?? [];
            var parts = scope.Select(d => (d.Key, Items: scope.Strings(d.Key).Select(i => t.DestinationKeyOf(i) ?? i).ToList()))
                .Where(d => d.Items.Count > 0)
                .Select(d => d.Key == "Environment" ? string.Join(", ", d.Items) : $"{string.Join(", ", d.Items)} ({d.Key.ToLowerInvariant()})");
            var value = v.Bool("IsSensitive") && v.Str("Value") is null ? "***" : v.Str("Value");
            return $"{v.Name()} | {value} | {string.Join("; ", parts)}";
        }).ToList();
    }

    /// <summary>What the server holds after the plan's PUT: the After document, Version bumped, secrets unreadable.</summary>
    public static JsonObject Apply(VariableSetPlan plan)
    {
        var stored = (plan.Change.After ?? plan.Change.Before ?? throw new InvalidOperationException("Nothing to apply.")).Clone();
        if (plan.Change.Writes)
        {
            stored["Version"] = (stored["Version"]?.GetValue<int>() ?? 0) + 1;
        }

        foreach (var v in stored.Arr("Variables").Objects().Where(v => v.Bool("IsSensitive")))
        {
            v["Value"] = null;
        }

        return stored;
    }

    /// <summary>The state after the plan's change succeeded.</summary>
    public static SyncState Record(VariableSetPlan plan, SyncState? state) =>
        (state ?? SyncState.Empty("prod")).With(plan.Change.StateUpdates);
}
