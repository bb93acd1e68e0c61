using OctoSync.Cli.Infrastructure;
using OctoSync.Engine.Configuration;
using OctoSync.Engine.Sync;
using Spectre.Console;

namespace OctoSync.Cli.Commands;

/// <summary>
/// What every command that reads octosync.yaml does first: load it, apply <c>--timeout</c>, show its warnings,
/// and make a runner whose retry waits are shown (issue #9 items 7 and 8).
/// </summary>
internal sealed class CommandRun
{
    private readonly TextWriter diagnostics;

    private CommandRun(CliServices services, SyncConfiguration configuration)
    {
        diagnostics = TextWriter.Synchronized(services.Diagnostics);
        Configuration = configuration;
        Runner = new SyncRunner(services.Sync with { Notices = Notice });
    }

    public SyncConfiguration Configuration { get; }

    public SyncRunner Runner { get; }

    public static CommandRun Start(CliServices services, ConfigSettings settings)
    {
        var configuration = services.LoadConfiguration(settings.ConfigFile);
        if (settings.Timeout is { } seconds)
        {
            configuration = configuration with { Timeout = TimeSpan.FromSeconds(seconds) };
        }

        var run = new CommandRun(services, configuration);
        foreach (var warning in configuration.Warnings)
        {
            run.Notice("warning: " + warning);
        }

        return run;
    }

    /// <summary>A line for a person (standard error): never part of a JSON document on standard output.</summary>
    public void Notice(string line) => diagnostics.WriteLine(line);

    /// <summary>The destinations that could not be planned or applied, one red line each.</summary>
    public static void RenderFailures(IAnsiConsole console, IEnumerable<DestinationFailure> failures)
    {
        foreach (var f in failures)
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(f.Destination)} ({Markup.Escape(f.Stage)}): {Markup.Escape(f.Message)}");
        }
    }
}
