using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;

namespace OctoSync.Engine.Planning.ScriptModules;

/// <summary>
/// Script modules: library variable sets with <c>ContentType: ScriptModule</c>. The set is matched by name; its two
/// variables (<c>Octopus.Script.Module[Name]</c> and <c>Octopus.Script.Module.Language[Name]</c>) are copied as they
/// are, unscoped — they are code, not configuration.
/// </summary>
public static class ScriptModulePlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.ScriptModule)
    {
        Unmanaged = ["VariableSetId", "Version"],
        ServerFields = ["VariableSetId", "Version"],
    };

    public static void Plan(PlanningSession session)
    {
        var modules = session.Source.LibraryVariableSets.Where(s => s.Str("ContentType") == "ScriptModule");
        foreach (var module in PlanningSession.Ordered(modules).Where(m => session.Input.Select.ScriptModules.Matches(m.Name())))
        {
            var change = NamedObjectPlanner.PlanOne(session, Profile, module, session.Rules);
            if (change.Action is ChangeAction.Leave && change.Before is null)
            {
                continue;
            }

            var source = session.Source.VariableSets.GetValueOrDefault(module.Str("VariableSetId") ?? "");
            var destination = change.Before?.Str("VariableSetId") is { } id ? session.Destination.VariableSets.GetValueOrDefault(id) : null;
            if (source is not null)
            {
                session.Changes.Add(PlanVariables(session, change, source, destination));
            }
        }
    }

    private static Change PlanVariables(PlanningSession session, Change module, JsonObject source, JsonObject? destination)
    {
        var key = ResourceKeys.VariableSet("LibraryVariableSet", module.Key);
        var existing = destination?.Arr("Variables").Objects().ToList() ?? [];
        var variables = new JsonArray(source.Arr("Variables").Objects().OrderBy(v => v.Name(), StringComparer.Ordinal).Select(v =>
        {
            var match = existing.FirstOrDefault(e => string.Equals(e.Name(), v.Name(), StringComparison.OrdinalIgnoreCase));
            var written = match?.Clone() ?? new JsonObject { ["Description"] = null, ["IsEditable"] = true, ["Prompt"] = null };
            written["Name"] = v.Name();
            written["Value"] = v["Value"]?.DeepClone();
            written["Type"] = v.Str("Type") ?? "String";
            written["IsSensitive"] = false;
            written["Scope"] = new JsonObject();
            return (JsonNode)written;
        }).ToArray());
        var others = existing.Where(e => !variables.Objects().Any(v => string.Equals(v.Name(), e.Name(), StringComparison.OrdinalIgnoreCase)));
        foreach (var other in others)
        {
            variables.Add(other.DeepClone());
        }

        var destinationId = destination?.Str("Id") ?? ReferenceToken.For(ResourceKind.VariableSet, key);
        var desired = new JsonObject { ["Variables"] = Portable(variables) };
        var current = destination is null ? null : new JsonObject { ["Variables"] = Portable(destination.Arr("Variables")) };
        var after = destination?.Clone() ?? new JsonObject { ["Id"] = destinationId, ["OwnerId"] = module.DestinationId ?? ReferenceToken.For(ResourceKind.ScriptModule, module.Key) };
        after["Variables"] = variables;
        var outcome = ThreeWay.ThreeWayDecision.Decide(
            ThreeWay.ThreeWayDecision.BaseOf(session.Input.State, ResourceKind.VariableSet, key),
            current is null ? null : PortableForm.Fingerprint(current, session.Translator),
            PortableForm.Fingerprint(desired, session.Translator),
            session.Rules.Variables.Overwrite);
        var action = outcome.Action == ChangeAction.Create ? ChangeAction.Update : outcome.Action;
        return new Change
        {
            Kind = ResourceKind.VariableSet,
            Key = key,
            Action = action,
            Rule = outcome.Rule,
            Reason = outcome.Action == ChangeAction.Create ? "The module's script and language, on its new variable set." : outcome.Reason,
            DestinationId = destinationId,
            Owner = module.Key,
            Before = destination,
            After = action == ChangeAction.Update ? after : null,
            StateUpdates = outcome.StateUpdates(ResourceKind.VariableSet, key, destination?.Str("Id")),
        };
    }

    /// <summary>Name, value and type of each variable: what the comparison is about.</summary>
    private static JsonArray Portable(JsonArray variables) => new(variables.Objects()
        .Select(v => (JsonNode)new JsonObject { ["Name"] = v.Name(), ["Value"] = v["Value"]?.DeepClone(), ["Type"] = v.Str("Type") ?? "String" })
        .OrderBy(v => v["Name"]!.GetValue<string>(), StringComparer.Ordinal).ToArray());
}
