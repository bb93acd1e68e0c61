using System.ComponentModel;
using System.Globalization;
using OctoSync.Cli.Infrastructure;
using OctoSync.Cli.Rendering;
using OctoSync.Engine.Applying;
using OctoSync.Engine.Applying.SavedPlans;
using OctoSync.Engine.Reporting;
using OctoSync.Engine.Sync;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Apply;

/// <summary>
/// <c>octosync apply</c>: takes each destination's lock, plans, shows the plan, asks (on a terminal, unless <c>--yes</c>),
/// applies it and saves the state; each destination on its own (one that fails is reported, the others proceed).
/// With input redirected and no <c>--yes</c> it refuses: a script must say so explicitly.
/// <c>octosync apply FILE</c> executes a plan saved by <c>plan --out FILE</c> exactly, without planning again, and
/// refuses a stale one. Ctrl+C and SIGTERM stop it between writes (<see cref="ApplyInterruption"/>).
/// </summary>
public sealed class ApplyCommand(IAnsiConsole console, ErrorConsole errors, CliServices services) : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : SyncSettings
    {
        [CommandArgument(0, "[PLAN]")]
        [Description("A plan saved by plan --out: apply exactly it (no re-planning); refused if stale.")]
        public string? PlanFile { get; init; }

        [CommandOption("-y|--yes")]
        [Description("Apply without asking.")]
        public bool Yes { get; init; }

        [CommandOption("--break-lock")]
        [Description("Remove a destination's lock left by a run that is no longer running, then take it.")]
        public bool BreakLock { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description("Projects written at once (default 4); a project's own changes are always written in order.")]
        [DefaultValue(ApplyOptions.DefaultParallelism)]
        public int Parallelism { get; init; } = ApplyOptions.DefaultParallelism;

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            if (PlanFile is not null && Html is not null)
            {
                // The report needs the source and destination snapshots, which a saved plan does not carry.
                return ValidationResult.Error("--html cannot be used with a saved plan: run plan --html to get the report of the plan you apply.");
            }

            return Parallelism is >= 1 and <= 64
                ? ValidationResult.Success()
                : ValidationResult.Error($"--parallelism must be between 1 and 64, not {Parallelism.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            using var interruption = new ApplyInterruption(signal =>
                errors.Console.MarkupLine($"[yellow]{signal} received: stopping after the writes in flight (again to stop at once).[/]"));
            var run = CommandRun.Start(services, settings);
            var options = new ApplyOptions { Parallelism = settings.Parallelism, Stop = interruption.Stop };
            return settings.PlanFile is null
                ? await PlanAndApplyAsync(settings, run, options, interruption, cancellationToken).ConfigureAwait(false)
                : await ApplySavedAsync(settings, run, options, interruption, cancellationToken).ConfigureAwait(false);
        });

    private async Task<int> PlanAndApplyAsync(Settings settings, CommandRun run, ApplyOptions options, ApplyInterruption interruption, CancellationToken cancellationToken)
    {
        var runOptions = new RunOptions { Lock = true, BreakLock = settings.BreakLock, RebindState = settings.RebindState };
        RunPlan planning;
        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption.Stop))
        {
            try
            {
                planning = await ProgressView.ReadingAsync(console, errors, settings.Json,
                    p => run.Runner.PlanEachAsync(run.Configuration, settings.Destination, runOptions, p, reading.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (interruption.Stop.IsCancellationRequested)
            {
                errors.Console.MarkupLine($"[red]Interrupted ({interruption.Signal}) while reading: nothing was written.[/]");
                return ExitCodes.Error;
            }
        }

        using var locks = planning;
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
            if (interruption.Stop.IsCancellationRequested)
            {
                break;
            }

            var total = planned.Plan.Changes.Count(c => c.Writes);
            try
            {
                var result = await ProgressView.ApplyingAsync(console, errors, settings.Json, planned.Plan.Destination, total,
                    p => run.Runner.ApplyAsync(run.Configuration, planned, options, p, null, cancellationToken),
                    planned.Configuration.Connection.RequestsPerMinute).ConfigureAwait(false);
                results.Add((planned, result));
                if (!settings.Json)
                {
                    ApplyRenderer.Render(console, result);
                }

                ReportInterruption(result, interruption);
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
                DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), run.Configuration.Source.Url));
            await File.WriteAllTextAsync(settings.Html, report, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            var document = new PlanDocument("apply", results.Select(r => DestinationDocument.Of(r.Plan, r.Result)).ToList());
            console.Profile.Out.Writer.WriteLine(document.ToJson());
        }

        // Stopped by a signal: exit 1 even when the last write in flight was the last of the plan.
        var succeeded = failures.Count == 0 && results.All(r => r.Result.Succeeded && !r.Result.Final.Interrupted);
        return succeeded && !interruption.Stop.IsCancellationRequested ? ExitCodes.Success : ExitCodes.Error;
    }

    private async Task<int> ApplySavedAsync(Settings settings, CommandRun run, ApplyOptions options, ApplyInterruption interruption, CancellationToken cancellationToken)
    {
        var saved = SavedPlanFile.Read(settings.PlanFile!);
        var destinations = saved.Destinations
            .Where(d => settings.Destination is null || string.Equals(d.Destination, settings.Destination, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (destinations.Count == 0)
        {
            throw new SyncException($"{settings.PlanFile}: the saved plan has no destination named '{settings.Destination}' (it has: {string.Join(", ", saved.Destinations.Select(d => d.Destination))}).");
        }

        var results = new List<(SavedDestinationPlan Saved, DestinationApplyResult Result)>();
        foreach (var destination in destinations)
        {
            if (!settings.Json)
            {
                console.MarkupLine($"Applying the saved plan {Markup.Escape(settings.PlanFile!)} to {Markup.Escape(destination.Destination)}: " +
                    $"{destination.Plan.Changes.Count(c => c.Writes)} changes, as reviewed (no re-planning).");
            }

            var total = destination.Plan.Changes.Count(c => c.Writes);
            var result = await ProgressView.ApplyingAsync(console, errors, settings.Json, destination.Destination, total,
                p => run.Runner.ApplySavedAsync(run.Configuration, destination, options, p, null, cancellationToken)).ConfigureAwait(false);
            results.Add((destination, result));
            if (!settings.Json)
            {
                ApplyRenderer.Render(console, result);
            }

            ReportInterruption(result, interruption);
            if (interruption.Stop.IsCancellationRequested)
            {
                break;
            }
        }

        if (settings.Json)
        {
            var document = new PlanDocument("apply", results.Select(r => DestinationDocument.Of(r.Saved.Plan, r.Result)).ToList());
            console.Profile.Out.Writer.WriteLine(document.ToJson());
        }

        return results.All(r => r.Result.Succeeded) && !interruption.Stop.IsCancellationRequested ? ExitCodes.Success : ExitCodes.Error;
    }

    private void ReportInterruption(DestinationApplyResult result, ApplyInterruption interruption)
    {
        if (!interruption.Stop.IsCancellationRequested)
        {
            return;
        }

        var final = result.Final;
        var line = $"Interrupted ({interruption.Signal}): {result.Written} of {final.WritingChanges} changes written to {result.Destination}; " +
            "the state is saved. Run apply again to finish.";
        // On standard error, so that a JSON document on standard output stays parseable.
        errors.Console.MarkupLine($"[red]{Markup.Escape(line)}[/]");
    }

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
