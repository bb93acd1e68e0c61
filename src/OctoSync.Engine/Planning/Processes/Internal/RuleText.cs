using OctoSync.Engine.Configuration;

namespace OctoSync.Engine.Planning.Processes.Internal;

/// <summary>
/// Rule strings as they appear in <see cref="Change.Rule"/>: the config key path and its value, exactly as a user
/// writes them in octosync.yaml (e.g. <c>rules.steps.overrides["Approve release"].excludedEnvironments: rescope</c>).
/// </summary>
internal static class RuleText
{
    public const string Default = "default";

    /// <summary>An enum value as written in the config: <c>ByName</c> → <c>by-name</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    public static string Overwrite(OverwriteMode mode) => $"rules.variables.overwrite: {Of(mode)}";

    public static string DestinationOnlySteps(DestinationOnlyStepsMode mode) => $"rules.steps.destinationOnlySteps: {Of(mode)}";

    public static string Accounts(ReferenceMode mode) => $"rules.accounts: {Of(mode)}";

    public static string Certificates(ReferenceMode mode) => $"rules.certificates: {Of(mode)}";
}
