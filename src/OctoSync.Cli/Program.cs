using OctoSync.Cli;
using Spectre.Console;

return await CliApp.RunAsync(args, RedirectedConsoleWidth.Apply(AnsiConsole.Console)).ConfigureAwait(false);
