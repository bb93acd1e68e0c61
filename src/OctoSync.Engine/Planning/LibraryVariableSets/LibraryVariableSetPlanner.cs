using OctoSync.Engine.Model;
using OctoSync.Engine.Planning.Objects;
using OctoSync.Engine.Planning.Variables;

namespace OctoSync.Engine.Planning.LibraryVariableSets;

/// <summary>
/// Library variable sets: the set object (description, tenant variable templates) matched by name, then its
/// variables through <see cref="VariableSetPlanner"/> with the destination-level rules. Remembers the variable names
/// each set brings, for the <c>#{Name}</c> check of the projects that include it.
/// </summary>
public static class LibraryVariableSetPlanner
{
    private static readonly NamedObjectPlanner.Profile Profile = new(ResourceKind.LibraryVariableSet)
    {
        Unmanaged = ["VariableSetId", "Version"],
        ServerFields = ["VariableSetId", "Version"],
    };

    public static void Plan(PlanningSession session)
    {
        var sets = session.Source.LibraryVariableSets.Where(s => s.Str("ContentType") != "ScriptModule");
        foreach (var set in PlanningSession.Ordered(sets).Where(s => session.Input.Select.LibraryVariableSets.Matches(s.Name())))
        {
            var change = NamedObjectPlanner.PlanOne(session, Profile, set, session.Rules);
            var key = ResourceKeys.VariableSet("LibraryVariableSet", change.Key);
            if (change.Action is ChangeAction.Leave && change.Before is null
                || session.Source.VariableSets.GetValueOrDefault(set.Str("VariableSetId") ?? "") is not { } source)
            {
                continue;
            }

            var destination = change.Before?.Str("VariableSetId") is { } id ? session.Destination.VariableSets.GetValueOrDefault(id) : null;
            var plan = VariableSetPlanner.Plan(new VariableSetPlanningContext
            {
                OwnerKind = "LibraryVariableSet",
                OwnerName = change.Key,
                Source = source,
                Destination = destination,
                DestinationId = destination?.Str("Id") ?? ReferenceToken.For(ResourceKind.VariableSet, key),
                Translator = session.Translator,
                Rules = session.Rules,
                State = session.Input.State,
                Secrets = session.Input.Secrets,
            });
            session.Changes.Add(plan.Change);
            session.Diagnostics.AddRange(plan.Diagnostics);
            session.Cleanup.AddRange(plan.Cleanup);
            session.LibrarySetNames[set.Name()] = plan.SyncedNames;
        }
    }
}
