using System.ComponentModel;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Applying.SavedPlans;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Plan;

/// <summary><c>octosync plan</c>: reads source and destinations and prints the plan. Writes nothing to any Octopus instance.</summary>
public sealed class PlanCommand(IAnsiConsole console, CliServices services) : AsyncCommand<PlanCommand.Settings>
{
    public sealed class Settings : SyncSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Also save the plan to this file, for apply FILE to execute exactly (it holds no secret).")]
        public string? Out { get; init; }

        [CommandOption("--detailed-exitcode")]
        [Description("Exit 2 when changes are pending, 0 when there is nothing to change.")]
        public bool DetailedExitCode { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(console, async () =>
        {
            var configuration = services.LoadConfiguration(settings.ConfigFile);
            var runner = new SyncRunner(services.Sync);
            var plans = await ProgressView.ReadingAsync(console, settings.Json,
                p => runner.PlanAsync(configuration, settings.Destination, p, cancellationToken)).ConfigureAwait(false);

            var document = new PlanDocument("plan", plans.Select(p => DestinationDocument.Of(p)).ToList());
            if (settings.Json)
            {
                console.Profile.Out.Writer.WriteLine(document.ToJson());
            }
            else
            {
                foreach (var planned in plans)
                {
                    PlanRenderer.Render(console, planned);
                }
            }

            if (settings.Out is not null)
            {
                SavedPlanFile.Write(settings.Out, SyncRunner.Save(plans));
            }

            if (settings.Html is not null)
            {
                var report = HtmlReport.Render(new HtmlReportInput("plan", plans.Select(p => ReportDestinations.Of(p)).ToList()));
                await File.WriteAllTextAsync(settings.Html, report, cancellationToken).ConfigureAwait(false);
            }

            if (plans.Any(p => p.Plan.HasErrors))
            {
                return ExitCodes.Error;
            }

            return settings.DetailedExitCode && plans.Any(p => p.Plan.HasWrites) ? ExitCodes.ChangesPending : ExitCodes.Success;
        });
}
