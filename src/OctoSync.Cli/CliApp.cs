using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli;

/// <summary>The command-line app: one place that wires the commands.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = Create(console);
        return app.RunAsync(args);
    }

    public static CommandApp Create(IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("octosync");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            // Commands are registered here as they land (plan, apply, validate, demo, emulator).
        });
        return app;
    }
}
