namespace OctoSync.Engine.Configuration;

/// <summary>
/// An invalid <c>octosync.yaml</c>: every error found, one per line, each naming the file, the line and the
/// key path (<c>octosync.yaml:23: rules.variables.scopeMatch: 'partal' is not one of ...</c>).
/// Messages never contain API keys or other values read from the environment.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string filePath, IReadOnlyList<string> errors)
        : base(FormatMessage(filePath, errors))
    {
        FilePath = filePath;
        Errors = errors;
    }

    /// <summary>The configuration file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>One line per error, in file order.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string filePath, IReadOnlyList<string> errors)
    {
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"Configuration file '{filePath}' is invalid ({errors.Count} {noun}):"
            + string.Concat(errors.Select(e => Environment.NewLine + e));
    }
}
