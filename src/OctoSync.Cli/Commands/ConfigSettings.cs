using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>Options every command that reads octosync.yaml has.</summary>
public abstract class ConfigSettings : OutputSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("The configuration file.")]
    [DefaultValue("octosync.yaml")]
    public string ConfigFile { get; init; } = "octosync.yaml";

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long connecting and each request may go without an answer (default: timeout in the file, else 100).")]
    public int? Timeout { get; init; }

    public override ValidationResult Validate() =>
        Timeout is null or (>= 1 and <= 3600)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--timeout must be a number of seconds from 1 to 3600, not {Timeout}.");
}
