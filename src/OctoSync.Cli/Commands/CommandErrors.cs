using OctoSync.Engine.Api;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.State;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Commands;

/// <summary>
/// The one place expected failures become a single red line and exit code 1: configuration errors (file, line, key),
/// connection and authentication failures, unknown destinations. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (IsExpected(e))
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(e.Message)}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Also used by <see cref="CliApp"/> for failures outside a command body.</summary>
    public static bool IsExpected(Exception e) =>
        e is SyncException or ConfigurationException or OctopusApiException or FileNotFoundException or DirectoryNotFoundException or OperationCanceledException
        or StateException or OctoSync.Engine.Applying.SavedPlans.SavedPlanException;
}
