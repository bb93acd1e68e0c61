using OctoSync.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>
/// Turns colours off on standard output and standard error for <c>--no-color</c> or a non-empty <c>NO_COLOR</c>
/// (https://no-color.org). Spectre.Console honours <c>NO_COLOR</c> for its default console by itself; doing it here
/// too makes both switches behave the same for every console, including the one a test passes in.
/// </summary>
internal sealed class ColorInterceptor(IAnsiConsole output, ErrorConsole errors, Func<string, string?> environment) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is OutputSettings { NoColor: true } || !string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            output.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
            errors.Console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }
    }
}
