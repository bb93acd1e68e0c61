using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.State;
using OctoSync.Engine.Sync;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>
/// Which failures are expected: configuration errors (file, line, key), connection and authentication failures,
/// unknown destinations. <see cref="CliApp"/>'s exception handler prints them as one line on standard error (and,
/// under <c>--output json</c>, as a JSON document on standard output) with exit code 1. Anything else is a bug and
/// keeps its stack trace.
/// </summary>
internal static class CommandErrors
{
    /// <summary>Runs a command body. Failures propagate to the app's one exception handler, which knows the output format.</summary>
    public static Task<int> RunAsync(Func<Task<int>> body) => body();

    public static bool IsExpected(Exception e) =>
        e is UsageException or SyncException or ConfigurationException or OctopusApiException or FileNotFoundException or DirectoryNotFoundException or OperationCanceledException
        or StateException or OctoSync.Engine.Applying.SavedPlans.SavedPlanException;

    /// <summary>The <c>error.kind</c> of the JSON error document.</summary>
    public static string Kind(Exception e) => e switch
    {
        CommandAppException or UsageException => "usage",
        SyncException { InnerException: OctopusApiException } => "connection",
        ConfigurationException or FileNotFoundException or DirectoryNotFoundException => "configuration",
        OctopusApiException => "connection",
        StateException => "state",
        OperationCanceledException => "cancelled",
        _ => "error",
    };
}
