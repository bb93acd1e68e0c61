using System.Text.Json;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.State;

/// <summary>The JSON form of the state updates a plan carries (plan --out / apply).</summary>
public class StateJsonTests
{
    [Fact]
    public void State_updates_round_trip_through_json()
    {
        StateUpdate[] updates =
        [
            new StateUpdate.SetObject("Project:OctoFx", new ObjectState("abc", "Projects-1")),
            new StateUpdate.RemoveObject("Step:OctoFx/Old"),
            new StateUpdate.SetVariable("Project:OctoFx/X", [new VariableValueState("1", "s", "2", "w", false, "")]),
        ];

        var json = JsonSerializer.Serialize(updates, StateJson.Options);
        var back = JsonSerializer.Deserialize<StateUpdate[]>(json, StateJson.Options)!;

        Assert.Equal(updates[0], back[0]);
        Assert.Equal(updates[1], back[1]);
        var set = Assert.IsType<StateUpdate.SetVariable>(back[2]);
        Assert.Equal(((StateUpdate.SetVariable)updates[2]).Values, set.Values);
        Assert.Contains("\"$update\": \"setVariable\"", json, StringComparison.Ordinal);
    }
}
