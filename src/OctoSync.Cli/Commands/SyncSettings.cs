using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>Options shared by <c>plan</c> and <c>apply</c>.</summary>
public abstract class SyncSettings : ConfigSettings
{
    [CommandOption("--destination <NAME>")]
    [Description("Only this destination (default: every destination in the file).")]
    public string? Destination { get; init; }

    [CommandOption("--output <FORMAT>")]
    [Description("text (tables) or json (a machine-readable document).")]
    [DefaultValue("text")]
    public string Output { get; init; } = "text";

    [CommandOption("--html <FILE>")]
    [Description("Also write an HTML report: per project the variable tables (source, destination before and after) and the process steps.")]
    public string? Html { get; init; }

    [CommandOption("--verbose|--show-unchanged")]
    [Description("List every decision: skips, objects left alone, objects that match the source, every placeholder. By default the plan lists only what changes, drift, warnings and the summary.")]
    public bool Verbose { get; init; }

    public bool Json => string.Equals(Output, "json", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate() =>
        Output.ToLowerInvariant() is "text" or "json"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--output must be text or json, not '{Output}'.");
}
