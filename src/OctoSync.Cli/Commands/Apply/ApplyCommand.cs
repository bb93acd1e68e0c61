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
public sealed class ApplyCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : SyncSettings
    {
        [CommandOption("-y|--yes")]
        [Description("Apply without asking.")]
        public bool Yes { get; init; }

        [CommandOption("--break-lock")]
        [Description("Remove a destination's lock left by a run that is no longer running, then take it.")]
        public bool BreakLock { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var run = CommandRun.Start(services, settings);
            var options = new RunOptions { Lock = true, BreakLock = settings.BreakLock, RebindState = settings.RebindState };
            using var planning = await ProgressView.ReadingAsync(console, errors, settings.Json,
                p => run.Runner.PlanEachAsync(run.Configuration, settings.Destination, options, p, cancellationToken)).ConfigureAwait(false);
            if (!settings.Json)
            {
                foreach (var planned in planning.Planned)
                {
                    PlanRenderer.Render(console, errors, planned, settings.Verbose);
                }

                PlanRenderer.RenderVerdict(console, planning.Planned);
            }

            // Each destination on its own (issue #9 item 6): one that failed, or whose plan has errors, is reported
            // and the others are applied.
            var failures = planning.Failed.ToList();
            failures.AddRange(planning.Planned.Where(p => p.Plan.HasErrors)
                .Select(p => new DestinationFailure(p.Plan.Destination, "plan", "the plan has errors (see above); nothing was written to it")));
            var plans = planning.Planned.Where(p => !p.Plan.HasErrors).ToList();

            var writes = plans.Sum(p => p.Plan.Changes.Count(c => c.Writes));
            if (writes > 0 && !settings.Yes && !Confirmed(writes))
            {
                return ExitCodes.Error;
            }

            var results = new List<(DestinationPlan Plan, DestinationApplyResult Result)>();
            foreach (var planned in plans)
            {
                var total = planned.Plan.Changes.Count(c => c.Writes);
                try
                {
                    var result = await ProgressView.ApplyingAsync(console, errors, settings.Json, planned.Plan.Destination, total,
                        p => run.Runner.ApplyAsync(run.Configuration, planned, p, null, cancellationToken), planned.Configuration.Connection.RequestsPerMinute).ConfigureAwait(false);
                    results.Add((planned, result));
                    if (!settings.Json)
                    {
                        ApplyRenderer.Render(console, result);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && CommandErrors.IsExpected(e) || e is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new DestinationFailure(planned.Plan.Destination, "apply", e.Message));
                }
            }

            if (!settings.Json)
            {
                RunSummary.Render(console, results, failures);
            }
            else
            {
                foreach (var f in failures)
                {
                    run.Notice($"error: {f.Destination} ({f.Stage}): {f.Message}");
                }
            }

            if (settings.Html is not null)
            {
                var report = HtmlReport.Render(new HtmlReportInput("apply", results.Select(r => ReportDestinations.Of(r.Plan, r.Result)).ToList(),
                    DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture), run.Configuration.Source.Url));
                await File.WriteAllTextAsync(settings.Html, report, cancellationToken).ConfigureAwait(false);
            }

            if (settings.Json)
            {
                var document = new PlanDocument("apply", results.Select(r => DestinationDocument.Of(r.Plan, r.Result)).ToList());
                console.Profile.Out.Writer.WriteLine(document.ToJson());
            }

            return failures.Count == 0 && results.All(r => r.Result.Succeeded) ? ExitCodes.Success : ExitCodes.Error;
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
