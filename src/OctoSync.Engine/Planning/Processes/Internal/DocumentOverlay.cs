using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// A destination document with the planned fields laid over it. Fields only the destination has (newer server
/// versions, fields OctoSync does not model) survive, and so do the destination's own values of the kept fields.
/// </summary>
internal static class DocumentOverlay
{
    public static JsonObject Of(JsonObject destination, JsonObject planned, IEnumerable<string> kept)
    {
        var result = destination.Clone();
        foreach (var (name, value) in planned.Where(p => !kept.Contains(p.Key)))
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }
}
