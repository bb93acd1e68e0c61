using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Validate;

/// <summary>
/// <c>octosync validate</c>: the configuration file, then exactly the checks apply makes before its first write
/// (<see cref="SyncValidator"/>): connectivity, state folder writable, lock free, state bound to this instance, every
/// configuration name resolves. Writes nothing.
/// </summary>
public sealed class ValidateCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<ValidateCommand.Settings>
{
    public sealed class Settings : ConfigSettings;

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var run = CommandRun.Start(services, settings);
            var configuration = run.Configuration;
            console.MarkupLine($"[green]✓[/] {Markup.Escape(configuration.FilePath)}: configuration is valid ({configuration.Destinations.Count} destination(s)).");
            var report = await SyncValidator.ValidateAsync(configuration, run.Runner, null, cancellationToken).ConfigureAwait(false);
            foreach (var fact in report.Facts)
            {
                console.MarkupLine($"[green]✓[/] {Markup.Escape(fact)}");
            }

            foreach (var error in report.Errors)
            {
                errors.Error(error);
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.Error;
        });
}
