using System.Text.Json.Nodes;
using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Sensitive properties (<c>{"HasValue":true,…}</c>) cannot be read from the source (spec §5.5). A property the
/// destination already holds a secret for is sent as <c>{"HasValue":true,"NewValue":null}</c> (Octopus keeps it);
/// otherwise the placeholder is written and listed for clean-up.
/// </summary>
internal static class SensitiveProperties
{
    /// <param name="properties">The properties to write (translated source), changed in place.</param>
    /// <param name="destination">The destination's properties of the same step or action; null when it is new.</param>
    public static void Resolve(JsonObject? properties, JsonObject? destination, string placeholder, string subject, List<CleanupItem> cleanup)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var (name, value) in properties.ToList())
        {
            if (value is not JsonObject secret || !secret.Bool("HasValue"))
            {
                continue;
            }

            if (destination?.Obj(name) is { } existing && existing.Bool("HasValue"))
            {
                properties[name] = new JsonObject { ["HasValue"] = true, ["NewValue"] = null };
            }
            else
            {
                properties[name] = new JsonObject { ["HasValue"] = true, ["NewValue"] = placeholder };
                cleanup.Add(new CleanupItem(ResourceKind.Action, $"{subject} / {name}", $"Sensitive property written as \"{placeholder}\"; set the real value."));
            }
        }
    }
}
