using System.ComponentModel;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>Options every command has. <c>--no-color</c> (like a set <c>NO_COLOR</c>) is applied by <see cref="ColorInterceptor"/>.</summary>
public abstract class OutputSettings : CommandSettings
{
    [CommandOption("--no-color")]
    [Description("No colours in the output (also when the NO_COLOR environment variable is set).")]
    public bool NoColor { get; init; }
}
