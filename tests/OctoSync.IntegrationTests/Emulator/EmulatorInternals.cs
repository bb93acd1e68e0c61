using System.Text.Json.Nodes;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Reads the emulator's raw store (secrets included) — the only way to prove a write-only secret was kept.</summary>
internal static class EmulatorInternals
{
    public static JsonObject? Stored(EmulatorServer server, string collection, string id, string space = "Spaces-1")
    {
        lock (server.Store.Gate)
        {
            return server.Store.Find(space, collection, id)?.DeepClone() as JsonObject;
        }
    }
}
