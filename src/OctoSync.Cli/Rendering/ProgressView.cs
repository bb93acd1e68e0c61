using OctoSync.Engine.Applying;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// Progress while reading and applying: a live status or progress bar on a terminal, plain lines when the output is
/// redirected (on standard error, so that a plan written to a file holds only the plan), nothing when the output is a
/// JSON document (it must stay parseable).
/// </summary>
public static class ProgressView
{
    public static async Task<T> ReadingAsync<T>(IAnsiConsole console, ErrorConsole lines, bool quiet, Func<IProgress<SyncProgress>?, Task<T>> work)
    {
        if (quiet)
        {
            return await work(null).ConfigureAwait(false);
        }

        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Status().StartAsync("Reading…", ctx =>
                work(new Callback<SyncProgress>(p => ctx.Status($"{Markup.Escape(p.Stage)} {Markup.Escape(p.Target)}: {Markup.Escape(p.Message)}")))).ConfigureAwait(false);
        }

        return await work(Lines<SyncProgress>(lines.Console, p => $"{p.Stage} {p.Target}: {p.Message}")).ConfigureAwait(false);
    }

    /// <param name="requestsPerMinute">The destination's client-side pace, shown with the estimate of the time left.</param>
    public static async Task<T> ApplyingAsync<T>(
        IAnsiConsole console, ErrorConsole lines, bool quiet, string destination, int total, Func<IProgress<ApplyProgress>?, Task<T>> work, int? requestsPerMinute = null)
    {
        if (quiet || total == 0)
        {
            return await work(null).ConfigureAwait(false);
        }

        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress().StartAsync(async ctx =>
            {
                // The default columns show the time left; the description adds the pace.
                var paced = requestsPerMinute is { } perMinute ? $" (paced {perMinute}/min)" : "";
                var task = ctx.AddTask($"Applying to {Markup.Escape(destination)}{paced}", maxValue: total);
                return await work(new Callback<ApplyProgress>(p => task.Value = Math.Min(p.Done, total))).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        var pace = new ApplyPace(requestsPerMinute);
        return await work(Lines<ApplyProgress>(lines.Console, p =>
            $"apply {destination}: [{p.Done}/{p.Total}] {p.Outcome} {p.Change.Action} {p.Change.Kind} {p.Change.Key}{Suffix(pace.Describe(p.Done, p.Total))}")).ConfigureAwait(false);
    }

    private static string Suffix(string text) => text.Length == 0 ? "" : " · " + text;

    private static Callback<T> Lines<T>(IAnsiConsole console, Func<T, string> format)
    {
        var gate = new object();
        return new Callback<T>(p =>
        {
            lock (gate)
            {
                console.MarkupLine($"[grey]{Markup.Escape(format(p))}[/]");
            }
        });
    }

    /// <summary>Reports synchronously on the caller's thread (unlike <see cref="Progress{T}"/>), so lines keep their order.</summary>
    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
