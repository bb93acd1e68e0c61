using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;
using OctoSync.Engine.State;

namespace OctoSync.Engine.Tests.Applying;

/// <summary>Builders for planned changes in applier tests.</summary>
internal static class Changes
{
    public static Change Create(ResourceKind kind, string key, string json, params StateUpdate[] updates) => new()
    {
        Kind = kind,
        Key = key,
        Action = ChangeAction.Create,
        Rule = "default",
        Reason = "missing on the destination",
        After = Json.Parse(json),
        StateUpdates = updates,
    };

    public static Change Update(ResourceKind kind, string key, string destinationId, string json, JsonObject? before = null, params StateUpdate[] updates) => new()
    {
        Kind = kind,
        Key = key,
        Action = ChangeAction.Update,
        Rule = "default",
        Reason = "differs from the source",
        DestinationId = destinationId,
        After = Json.Parse(json),
        Before = before,
        StateUpdates = updates,
    };

    public static Change Other(ChangeAction action, ResourceKind kind, string key, params StateUpdate[] updates) => new()
    {
        Kind = kind,
        Key = key,
        Action = action,
        Rule = "default",
        Reason = "test",
        StateUpdates = updates,
    };

    public static Plan Plan(params Change[] changes) => new()
    {
        Destination = "prod",
        SourceSpace = "Default",
        DestinationSpace = "Default",
        Changes = changes,
    };

    public static string Token(ResourceKind kind, string key) => ReferenceToken.For(kind, key);

    public static StateUpdate.SetObject Set(string key) => new(key, new ObjectState("f-" + key));
}
