using System.ComponentModel;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Apply;

/// <summary>
/// <c>octosync apply</c>: plans, shows the plan, asks (on a terminal, unless <c>--yes</c>), applies it and saves the state.
/// With input redirected and no <c>--yes</c> it refuses: a script must say so explicitly.
/// </summary>
public sealed class ApplyCommand(IAnsiConsole console, CliServices services) : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : SyncSettings
    {
        [CommandOption("-y|--yes")]
        [Description("Apply without asking.")]
        public bool Yes { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(console, async () =>
        {
            var configuration = services.LoadConfiguration(settings.ConfigFile);
            var runner = new SyncRunner(services.Sync);
            var plans = await ProgressView.ReadingAsync(console, settings.Json,
                p => runner.PlanAsync(configuration, settings.Destination, p, cancellationToken)).ConfigureAwait(false);
            if (!settings.Json)
            {
                foreach (var planned in plans)
                {
                    PlanRenderer.Render(console, planned);
                }
            }

            if (plans.FirstOrDefault(p => p.Plan.HasErrors) is { } errored)
            {
                throw new SyncException($"The plan for {errored.Plan.Destination} has errors (see above); nothing was written.");
            }

            var writes = plans.Sum(p => p.Plan.Changes.Count(c => c.Writes));
            if (writes > 0 && !settings.Yes && !Confirmed(writes))
            {
                return ExitCodes.Error;
            }

            var results = new List<(DestinationPlan Plan, DestinationApplyResult Result)>();
            foreach (var planned in plans)
            {
                var total = planned.Plan.Changes.Count(c => c.Writes);
                var result = await ProgressView.ApplyingAsync(console, settings.Json, planned.Plan.Destination, total,
                    p => runner.ApplyAsync(configuration, planned, p, null, cancellationToken), planned.Configuration.Connection.RequestsPerMinute).ConfigureAwait(false);
                results.Add((planned, result));
                if (!settings.Json)
                {
                    ApplyRenderer.Render(console, result);
                }
            }

            if (settings.Html is not null)
            {
                var report = HtmlReport.Render(new HtmlReportInput("apply", results.Select(r => ReportDestinations.Of(r.Plan, r.Result)).ToList()));
                await File.WriteAllTextAsync(settings.Html, report, cancellationToken).ConfigureAwait(false);
            }

            if (settings.Json)
            {
                var document = new PlanDocument("apply", results.Select(r => DestinationDocument.Of(r.Plan, r.Result)).ToList());
                console.Profile.Out.Writer.WriteLine(document.ToJson());
            }

            return results.All(r => r.Result.Succeeded) ? ExitCodes.Success : ExitCodes.Error;
        });

    private bool Confirmed(int writes)
    {
        if (services.IsInputRedirected() || !console.Profile.Capabilities.Interactive)
        {
            throw new SyncException($"{writes} changes are pending and input is not a terminal: run apply with --yes to write them.");
        }

        if (console.Confirm($"Apply {writes} changes?", defaultValue: false))
        {
            return true;
        }

        console.MarkupLine("Apply cancelled; nothing was written.");
        return false;
    }
}
