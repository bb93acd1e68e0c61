using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Variables.Internal;

/// <summary>
/// Builds the variable set to PUT: the destination set as read, values kept whole and in place (a person's values,
/// left values), decided updates applied in place, removed values left out, new values appended. <c>ScopeValues</c> is left as read: the
/// server computes it.
/// </summary>
internal static class VariableSetDocument
{
    public static JsonObject Build(
        VariableSetPlanningContext context,
        DestinationVariables destination,
        IReadOnlyDictionary<string, VariableValue> updates,
        IEnumerable<(string Id, VariableValue Value, JsonObject Template)> creates,
        IReadOnlySet<string> deletes)
    {
        if (context.Destination is { } read && updates.Count == 0 && deletes.Count == 0 && !creates.Any()
            && read["Variables"] is JsonArray values && values.Count == destination.All.Count)
        {
            // Nothing to write: the set to PUT would be a copy of the set as read, every value in place. The snapshot's own
            // document stands for it (issue #10: every unchanged set was copied value by value on every run); nothing
            // changes a plan's documents after planning, and writers send copies.
            return read;
        }

        var document = context.Destination?.Clone() ?? Empty(context);
        var variables = new JsonArray();
        foreach (var entry in destination.All.Where(e => !deletes.Contains(e.Id)))
        {
            var json = entry.Json.Clone();
            if (updates.TryGetValue(entry.Id, out var value))
            {
                value.WriteTo(json);
            }

            variables.Add(json);
        }

        foreach (var (id, value, template) in creates)
        {
            var json = template.Clone();
            json["Id"] = id;
            value.WriteTo(json);
            variables.Add(json);
        }

        document["Variables"] = variables;
        return document;
    }

    /// <summary>The set a new owner comes with; the applier carries the real Version when it re-reads the set.</summary>
    private static JsonObject Empty(VariableSetPlanningContext context)
    {
        var document = new JsonObject { ["Id"] = context.DestinationId };
        if (Enum.TryParse<ResourceKind>(context.OwnerKind, out var ownerKind))
        {
            document["OwnerId"] = ReferenceToken.For(ownerKind, context.OwnerName);
        }

        document["Version"] = 0;
        document["Variables"] = new JsonArray();
        return document;
    }
}
