namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// Builds the key paths used in messages and in <see cref="SyncConfiguration.Lines"/>:
/// <c>rules.steps.overrides["QA sign-off"].rescopeTo</c>, <c>destinations[prod].environments.Test</c>
/// (the form the planners use in <c>Change.Rule</c>).
/// </summary>
internal static class KeyPath
{
    public static string Child(string parent, string key)
    {
        // Names with spaces or dots are quoted in brackets so the path stays readable and unambiguous.
        if (key.Length == 0 || !key.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            return $"{parent}[\"{key}\"]";
        }

        return parent.Length == 0 ? key : $"{parent}.{key}";
    }

    public static string Item(string parent, string label) => $"{parent}[{label}]";
}
