using System.Text.Json;

namespace OctoSync.Engine.State;

/// <summary>How state (and the state updates a plan carries) is written as JSON: camelCase, indented, keys as written.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Dictionary keys are object keys such as "Project:OctoFx": never renamed.
        DictionaryKeyPolicy = null,
        // Short strings read once each while a state file is read (StateStore); written as the default converter does.
        Converters = { new SharedStrings() },
    };
}
