namespace OctoSync.Cli;

/// <summary>The exit codes of every command (the <c>terraform plan</c> convention).</summary>
public static class ExitCodes
{
    /// <summary>Success; with <c>--detailed-exitcode</c>: success and nothing to change.</summary>
    public const int Success = 0;

    /// <summary>An error: configuration, connection, authentication, or a change that failed to apply.</summary>
    public const int Error = 1;

    /// <summary>Only with <c>--detailed-exitcode</c>: success and changes are pending.</summary>
    public const int ChangesPending = 2;
}
