using System.Globalization;
using Spectre.Console;

namespace OctoSync.Cli;

/// <summary>
/// When output goes to a file or a CI log there is no window to measure, and Spectre.Console falls back to
/// 80 columns, which folds every plan table into unreadable slivers. Logs have no width limit, so use
/// <c>COLUMNS</c> when set, else a width that keeps a plan row on one line.
/// </summary>
internal static class RedirectedConsoleWidth
{
    private const int LogWidth = 160;

    /// <param name="redirected">Whether this console's stream goes to a file or pipe (stdout: <see cref="Console.IsOutputRedirected"/>,
    /// stderr: <see cref="Console.IsErrorRedirected"/>).</param>
    public static IAnsiConsole Apply(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            var columns = Environment.GetEnvironmentVariable("COLUMNS");
            console.Profile.Width = int.TryParse(columns, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : LogWidth;
        }

        return console;
    }
}
