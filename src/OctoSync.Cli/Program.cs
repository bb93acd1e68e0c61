using OctoSync.Cli;
using Spectre.Console;

// Errors, warnings and progress lines go to standard error, so that standard output holds only the plan or the JSON document.
var errors = RedirectedConsoleWidth.Apply(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected);
return await CliApp.RunAsync(args, RedirectedConsoleWidth.Apply(AnsiConsole.Console, Console.IsOutputRedirected), errors: errors).ConfigureAwait(false);
