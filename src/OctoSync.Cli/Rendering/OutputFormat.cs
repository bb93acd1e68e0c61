namespace OctoSync.Cli.Rendering;

/// <summary>
/// Reads <c>--output json</c> from the raw arguments. The settings are not bound yet when a usage error
/// (an unknown option, a bad value) is reported, and such an error must be a JSON document too.
/// </summary>
public static class OutputFormat
{
    public static bool IsJson(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (string.Equals(args[i], "--output=json", StringComparison.OrdinalIgnoreCase)
                || (args[i] == "--output" && i + 1 < args.Count && string.Equals(args[i + 1], "json", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The command named on the line (the first argument that is not an option), for the error document.</summary>
    public static string? Command(IReadOnlyList<string> args) => args.FirstOrDefault(a => !a.StartsWith('-'));
}
