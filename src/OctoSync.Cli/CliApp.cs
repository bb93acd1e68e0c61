using OctoSync.Cli.Commands;
using OctoSync.Cli.Commands.Apply;
using OctoSync.Cli.Commands.Demo;
using OctoSync.Cli.Commands.Emulator;
using OctoSync.Cli.Commands.Plan;
using OctoSync.Cli.Commands.Validate;
using OctoSync.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli;

/// <summary>The command-line app: one place that wires the commands.</summary>
public static class CliApp
{
    /// <summary>The settings type of each command, for the closest valid option of a misspelled one.</summary>
    private static readonly Dictionary<string, Type> SettingsByCommand = new(StringComparer.Ordinal)
    {
        ["plan"] = typeof(PlanCommand.Settings),
        ["apply"] = typeof(ApplyCommand.Settings),
        ["validate"] = typeof(ValidateCommand.Settings),
        ["demo"] = typeof(DemoCommand.Settings),
        ["emulator"] = typeof(EmulatorCommand.Settings),
    };

    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null, CliServices? services = null) =>
        Create(console, services, args).RunAsync(args);

    public static CommandApp Create(IAnsiConsole? console = null, CliServices? services = null, IReadOnlyList<string>? args = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("octosync");
            // An unknown or misspelled option is an error, never ignored (issue #9: `apply --yes --dry-run` wrote 24 changes).
            config.UseStrictParsing();
            console ??= AnsiConsole.Console;
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.Settings.Registrar.RegisterInstance(services ?? DefaultServices.Cli);

            var output = console;
            config.SetExceptionHandler((e, _) =>
            {
                // Usage errors (unknown option, bad value) and expected failures: one line. Anything else is a bug: show it whole.
                if (e is CommandParseException parse)
                {
                    output.MarkupLine($"[red]Error:[/] {Markup.Escape(StrictOptions.Describe(parse, args ?? [], SettingsByCommand))}");
                }
                else if (e is CommandAppException || CommandErrors.IsExpected(e))
                {
                    output.MarkupLine($"[red]Error:[/] {Markup.Escape(e.Message)}");
                }
                else
                {
                    output.WriteException(e);
                }

                return ExitCodes.Error;
            });

            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Read the source and the destinations and print the plan. Writes nothing.")
                .WithExample("plan", "-c", "octosync.yaml", "--detailed-exitcode");
            config.AddCommand<ApplyCommand>("apply")
                .WithDescription("Plan, then apply the plan (asks first on a terminal unless --yes).")
                .WithExample("apply", "--destination", "prod", "--yes");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check the configuration file, connectivity and the environment names of the mappings. Writes nothing.");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Two emulated Octopus instances, the OctoFx example: plan, apply, a recurring sync.");
            config.AddCommand<EmulatorCommand>("emulator")
                .WithDescription("Run one emulated Octopus Server on 127.0.0.1 until stopped.");
        });
        return app;
    }
}
