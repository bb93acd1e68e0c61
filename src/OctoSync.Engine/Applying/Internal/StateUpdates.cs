using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>Fills ids into a change's state updates once the change is applied: the planner cannot know the id of an
/// object it creates, so it leaves it null or as a token.</summary>
internal static class StateUpdates
{
    public static IEnumerable<StateUpdate> Resolve(Change change, string? writtenId, IdRegistry ids)
    {
        var ownKey = $"{change.Kind}:{change.Key}";
        foreach (var update in change.StateUpdates)
        {
            yield return update switch
            {
                StateUpdate.SetObject s when s.Key == ownKey && (s.State.DestinationId is null || ReferenceToken.IsToken(s.State.DestinationId)) =>
                    s with { State = s.State with { DestinationId = writtenId } },
                StateUpdate.SetObject s when ReferenceToken.IsToken(s.State.DestinationId) =>
                    s with { State = s.State with { DestinationId = Id(s.State.DestinationId, ids) } },
                StateUpdate.SetVariable v when v.Values.Any(x => ReferenceToken.IsToken(x.DestinationId)) =>
                    v with { Values = v.Values.Select(x => x with { DestinationId = Id(x.DestinationId, ids) }).ToList() },
                _ => update,
            };
        }
    }

    private static string? Id(string? value, IdRegistry ids) =>
        ReferenceToken.IsToken(value) ? (ids.TryGetToken(value!, out var id) ? id : null) : value;
}
