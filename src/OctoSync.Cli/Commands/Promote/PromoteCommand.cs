using System.ComponentModel;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Promotion;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Promote;

/// <summary>
/// <c>octosync promote</c> (docs/promote.md): creates a release tested on the source on a destination, with the same
/// version and package versions, after checking the destination project is in sync and the packages are there, and
/// reports how the destination's process differs from the release's snapshot. Like apply: a preview first, asks on a
/// terminal unless <c>--yes</c>, refuses to write with input redirected and no <c>--yes</c>; exit 0 done or nothing to
/// do, 1 refused or failed.
/// </summary>
public sealed class PromoteCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<PromoteCommand.Settings>
{
    public sealed class Settings : ConfigSettings
    {
        [CommandOption("--project <NAME>")]
        [Description("The project whose release is promoted (the same name on both sides).")]
        public string? Project { get; init; }

        [CommandOption("--release <VERSION>")]
        [Description("The version of the release on the source.")]
        public string? Release { get; init; }

        [CommandOption("--destination <NAME>")]
        [Description("The destination to create it on (default: the only destination in the file).")]
        public string? Destination { get; init; }

        [CommandOption("--channel <NAME>")]
        [Description("The destination channel (default: the channel of the same name as the source release's).")]
        public string? Channel { get; init; }

        [CommandOption("--deploy-to <ENVIRONMENT>")]
        [Description("Also deploy the release: a destination environment, or a source environment mapped by the destination's environments:.")]
        public string? DeployTo { get; init; }

        [CommandOption("-y|--yes")]
        [Description("Create (and deploy) without asking.")]
        public bool Yes { get; init; }

        [CommandOption("--output <FORMAT>")]
        [Description("text or json (a machine-readable document).")]
        [DefaultValue("text")]
        public string Output { get; init; } = "text";

        public bool Json => string.Equals(Output, "json", StringComparison.OrdinalIgnoreCase);

        public override ValidationResult Validate()
        {
            if (Output.ToLowerInvariant() is not ("text" or "json"))
            {
                return ValidationResult.Error($"--output must be text or json, not '{Output}'.");
            }

            if (string.IsNullOrWhiteSpace(Project))
            {
                return ValidationResult.Error("--project is required: the name of the project whose release is promoted.");
            }

            return string.IsNullOrWhiteSpace(Release)
                ? ValidationResult.Error("--release is required: the version of the release on the source.")
                : base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var run = CommandRun.Start(services, settings);
            var promoter = new Promoter(run.Runner);
            var request = new PromotionRequest(settings.Project!, settings.Release!, settings.Destination, settings.Channel, settings.DeployTo);
            using var plan = await ProgressView.ReadingAsync(console, errors, settings.Json,
                p => promoter.PrepareAsync(run.Configuration, request, p, cancellationToken)).ConfigureAwait(false);
            if (!settings.Json)
            {
                PromotionRenderer.Render(console, plan);
            }

            if (plan.Problems.Count > 0)
            {
                return Finish(settings, plan, null, "refused");
            }

            if (!plan.HasWrites)
            {
                if (!settings.Json)
                {
                    console.MarkupLine($"[green]Nothing to do:[/] release {Markup.Escape(plan.Version)} is already on {Markup.Escape(plan.Destination)} with the same packages" +
                        (plan.DeployTo is null ? "." : $" and deployed to {Markup.Escape(plan.DeployTo)}."));
                }

                return Finish(settings, plan, null, "unchanged");
            }

            if (!settings.Yes && !Confirmed(plan))
            {
                return Finish(settings, plan, null, "not confirmed");
            }

            var result = await Promoter.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
            if (!settings.Json)
            {
                PromotionRenderer.RenderResult(console, plan, result);
            }

            return Finish(settings, plan, result, result.TaskState is "Failed" or "TimedOut" or "Canceled" ? "deployment failed" : "promoted");
        });

    private int Finish(Settings settings, PromotionPlan plan, PromotionResult? result, string outcome)
    {
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(PromotionDocument.Of(plan, result, outcome).ToJson());
        }

        return outcome is "promoted" or "unchanged" ? ExitCodes.Success : ExitCodes.Error;
    }

    private bool Confirmed(PromotionPlan plan)
    {
        var what = plan.CreatesRelease ? $"Create release {plan.Version} of {plan.Project} on {plan.Destination}" : $"Deploy release {plan.Version} of {plan.Project}";
        if (plan.CreatesRelease && plan.Deploys)
        {
            what += $" and deploy it to {plan.DeployTo}";
        }
        else if (plan.Deploys)
        {
            what += $" to {plan.DeployTo} on {plan.Destination}";
        }

        if (services.IsInputRedirected() || !console.Profile.Capabilities.Interactive)
        {
            // As apply: a script must say --yes; the line goes to standard error, the preview stays on standard output.
            errors.Error($"{what}: input is not a terminal, run promote with --yes to do it. Nothing was written.");
            return false;
        }

        if (console.Confirm($"{what}?", defaultValue: false))
        {
            return true;
        }

        console.MarkupLine("Promotion cancelled; nothing was written.");
        return false;
    }
}
