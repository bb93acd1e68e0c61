using OctoSync.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Demo;

/// <summary><c>octosync demo</c>: two emulated Octopus instances in-process and the OctoFx example (see <see cref="Cli.Demo.DemoScript"/>).</summary>
public sealed class DemoCommand(IAnsiConsole console, CliServices services) : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings;

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(console, () =>
        {
            _ = services;
            console.MarkupLine("[yellow]The demo needs the emulator, which has not landed yet.[/]");
            return Task.FromResult(ExitCodes.Error);
        });
}
