namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Builds the key paths used in messages and in <see cref="SyncConfiguration.Lines"/>:
/// <c>rules.steps.overrides."QA sign-off".rescopeTo</c>, <c>destinations[prod].environments.Test</c>.
/// </summary>
internal static class KeyPath
{
    public static string Child(string parent, string key)
    {
        // Names with spaces or dots are quoted so the path stays readable and unambiguous.
        var part = key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') ? key : $"\"{key}\"";
        return parent.Length == 0 ? part : $"{parent}.{part}";
    }

    public static string Item(string parent, string label) => $"{parent}[{label}]";
}
