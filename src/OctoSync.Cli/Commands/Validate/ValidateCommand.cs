using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Validate;

/// <summary>
/// <c>octosync validate</c>: the configuration file, then connectivity (URL, API key, space) and the environment names
/// of each mapping on both sides. Reads only environments; writes nothing.
/// </summary>
public sealed class ValidateCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<ValidateCommand.Settings>
{
    public sealed class Settings : ConfigSettings;

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var configuration = services.LoadConfiguration(settings.ConfigFile);
            console.MarkupLine($"[green]✓[/] {Markup.Escape(configuration.FilePath)}: configuration is valid ({configuration.Destinations.Count} destination(s)).");
            var report = await SyncValidator.ValidateAsync(configuration, new SyncRunner(services.Sync), null, cancellationToken).ConfigureAwait(false);
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
