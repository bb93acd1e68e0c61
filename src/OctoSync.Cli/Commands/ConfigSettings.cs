using System.ComponentModel;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>Options every command that reads octosync.yaml has.</summary>
public abstract class ConfigSettings : OutputSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("The configuration file.")]
    [DefaultValue("octosync.yaml")]
    public string ConfigFile { get; init; } = "octosync.yaml";
}
