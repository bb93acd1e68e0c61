using System.Reflection;
using OctoSync.Cli.Commands;
using OctoSync.Cli.Commands.Apply;
using OctoSync.Cli.Commands.Demo;
using OctoSync.Cli.Commands.Emulator;
using OctoSync.Cli.Commands.Init;
using OctoSync.Cli.Commands.Plan;
using OctoSync.Cli.Commands.Promote;
using OctoSync.Cli.Commands.Validate;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
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
        ["init"] = typeof(InitCommand.Settings),
        ["promote"] = typeof(PromoteCommand.Settings),
    };

    /// <summary><c>octosync --version</c>: the informational version, which carries the commit (<c>0.1.0+3f2c9e1…</c>).</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <param name="console">Standard output: the plan, the report of an apply, the JSON document.</param>
    /// <param name="errors">Standard error: errors and warnings (default: <paramref name="console"/>, for callers that have one console).</param>
    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null, CliServices? services = null, IAnsiConsole? errors = null) =>
        Create(console, services, errors, args).RunAsync(args);

    public static CommandApp Create(IAnsiConsole? console = null, CliServices? services = null, IAnsiConsole? errors = null, IReadOnlyList<string>? args = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("octosync");
            config.SetApplicationVersion(Version);
            // An unknown or misspelled option is an error, never ignored (issue #9: `apply --yes --dry-run` wrote 24 changes).
            config.UseStrictParsing();
            console ??= AnsiConsole.Console;
            services ??= DefaultServices.Cli;
            var errorConsole = new ErrorConsole(errors ?? console);
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.Settings.Registrar.RegisterInstance(errorConsole);
            config.Settings.Registrar.RegisterInstance(services);
            config.SetInterceptor(new MissingValueInterceptor(args ?? [], new ColorInterceptor(console, errorConsole, services.Environment)));

            var output = console;
            var json = args is not null && OutputFormat.IsJson(args);
            config.SetExceptionHandler((e, _) =>
            {
                // Usage errors (unknown option, bad value) and expected failures: one line on standard error, and under
                // --output json also a JSON document on standard output. Anything else is a bug: show it whole.
                if (e is CommandAppException || CommandErrors.IsExpected(e))
                {
                    var message = e is CommandParseException parse ? StrictOptions.Describe(parse, args ?? [], SettingsByCommand) : e.Message;
                    errorConsole.Error(message);
                    if (json)
                    {
                        output.Profile.Out.Writer.WriteLine(new ErrorDocument(args is null ? null : OutputFormat.Command(args),
                            new ErrorDocument.Failure(CommandErrors.Kind(e), message)).ToJson());
                    }
                }
                else
                {
                    errorConsole.Console.WriteException(e);
                }

                return ExitCodes.Error;
            });

            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Read the source and the destinations and print the plan: what changes, drift, warnings and a summary. Writes nothing.")
                .WithExample("plan")
                .WithExample("plan", "-c", "octosync.yaml", "--detailed-exitcode")
                .WithExample("plan", "--verbose")
                .WithExample("plan", "--output", "json", "--out", "plan.json")
                .WithExample("plan", "--html", "plan.html");
            config.AddCommand<ApplyCommand>("apply")
                .WithDescription("Plan, then apply the plan (asks first on a terminal unless --yes).")
                .WithExample("apply")
                .WithExample("apply", "--destination", "prod", "--yes")
                .WithExample("apply", "--yes", "--output", "json");
            config.AddCommand<PromoteCommand>("promote")
                .WithDescription("Create a release tested on the source on a destination: the same version, channel and package versions, after checking the project is in sync and the packages are in the destination's feeds; reports how the destination's process differs from the release's. Asks first on a terminal unless --yes.")
                .WithExample("promote", "--project", "OctoFx", "--release", "1.4.2")
                .WithExample("promote", "--project", "OctoFx", "--release", "1.4.2", "--destination", "prod", "--deploy-to", "Production", "--yes")
                .WithExample("promote", "--project", "OctoFx", "--release", "1.4.2", "--channel", "Hotfix", "--yes", "--output", "json");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check the configuration file, connectivity and the environment names of the mappings. Writes nothing.")
                .WithExample("validate")
                .WithExample("validate", "-c", "config/octosync.yaml");
            config.AddCommand<InitCommand>("init")
                .WithDescription("Read both instances and write a starter octosync.yaml: the proposed environment mapping, lifecycle and channel observations, every rule at its default. API keys come from environment variables.")
                .WithExample("init", "--source-url", "https://devtest.octopus.example", "--destination-url", "https://prod.octopus.example")
                .WithExample("init", "--destination-url", "https://prod.octopus.example", "--destination-name", "prod", "-c", "octosync.yaml", "--force");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Two emulated Octopus instances, the OctoFx example: plan, apply, a recurring sync.")
                .WithExample("demo")
                .WithExample("demo", "--work-folder", "./octosync-demo");
            config.AddCommand<EmulatorCommand>("emulator")
                .WithDescription("Run one emulated Octopus Server on 127.0.0.1 until stopped.")
                .WithExample("emulator", "--port", "8065")
                .WithExample("emulator", "--port", "8065", "--api-key", "API-LOCALTEST", "--latency-ms", "25", "--rate-limit-per-minute", "200");
        });
        return app;
    }
}
