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
public sealed class PlanCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<PlanCommand.Settings>
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
        CommandErrors.RunAsync(async () =>
        {
            var run = CommandRun.Start(services, settings);
            using var planning = await ProgressView.ReadingAsync(console, errors, settings.Json,
                p => run.Runner.PlanEachAsync(run.Configuration, settings.Destination, new RunOptions { RebindState = settings.RebindState }, p, cancellationToken)).ConfigureAwait(false);
            var plans = planning.Planned;

            var document = new PlanDocument("plan", plans.Select(p => DestinationDocument.Of(p)).ToList());
            if (settings.Json)
            {
                console.Profile.Out.Writer.WriteLine(document.ToJson());
            }
            else
            {
                foreach (var planned in plans)
                {
                    PlanRenderer.Render(console, errors, planned, settings.Verbose);
                }

                PlanRenderer.RenderVerdict(console, plans);
            }

            if (settings.Out is not null)
            {
                SavedPlanFile.Write(settings.Out, SyncRunner.Save(plans));
            }

            if (settings.Html is not null)
            {
                var report = HtmlReport.Render(new HtmlReportInput("plan", plans.Select(p => ReportDestinations.Of(p)).ToList(),
                    DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture), run.Configuration.Source.Url));
                await File.WriteAllTextAsync(settings.Html, report, cancellationToken).ConfigureAwait(false);
            }

            // A destination that could not be planned is reported; the others' plans stand (issue #9 item 6).
            if (settings.Json)
            {
                foreach (var f in planning.Failed)
                {
                    run.Notice($"error: {f.Destination} ({f.Stage}): {f.Message}");
                }
            }
            else
            {
                CommandRun.RenderFailures(console, planning.Failed);
            }
            if (planning.Failed.Count > 0 || plans.Any(p => p.Plan.HasErrors))
            {
                return ExitCodes.Error;
            }

            return settings.DetailedExitCode && plans.Any(p => p.Plan.HasWrites) ? ExitCodes.ChangesPending : ExitCodes.Success;
        });
}
