using System.ComponentModel;
using OctoSync.Cli.Demo;
using OctoSync.Cli.Infrastructure;
using OctoSync.Emulator;
using OctoSync.Engine.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Demo;

/// <summary><c>octosync demo</c>: two emulated Octopus instances in-process and the OctoFx example (see <see cref="DemoScript"/>).</summary>
public sealed class DemoCommand(IAnsiConsole console, CliServices services) : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--work-folder <FOLDER>")]
        [Description("Where the demo writes octosync.yaml and the state (default: a new temporary folder).")]
        public string? WorkFolder { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            await using var source = await EmulatorServer.StartAsync(new EmulatorOptions(), cancellationToken).ConfigureAwait(false);
            await using var destination = await EmulatorServer.StartAsync(new EmulatorOptions(), cancellationToken).ConfigureAwait(false);
            console.MarkupLine($"Source (Dev/Test) emulator: {source.BaseUrl}   Destination (Staging/Production) emulator: {destination.BaseUrl}");
            var folder = settings.WorkFolder ?? Path.Combine(Path.GetTempPath(), $"octosync-demo-{Guid.NewGuid():N}");
            try
            {
                var script = new DemoScript(console, services, folder);
                return await script.RunAsync(
                    new OctopusConnection(source.BaseUrl, source.ApiKey, null),
                    new OctopusConnection(destination.BaseUrl, destination.ApiKey, null),
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // A folder the demo made for itself goes when the demo ends (it holds only its own config and state);
                // one the user named stays, with the configuration and the state in it.
                if (settings.WorkFolder is null)
                {
                    DeleteQuietly(folder);
                }
                else
                {
                    console.MarkupLine($"[grey]The configuration and the state are in {Markup.Escape(Path.GetFullPath(folder))}.[/]");
                }
            }
        });

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temporary folder the system cleans up anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
