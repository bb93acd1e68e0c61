using OctoSync.Cli;
using Spectre.Console;

var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return await CliApp.RunAsync(args, RedirectedConsoleWidth.Apply(AnsiConsole.Console), errors: errors).ConfigureAwait(false);
