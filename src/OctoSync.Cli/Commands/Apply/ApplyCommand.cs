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
/// <c>octosync apply</c>: plans, shows the plan, asks (on a terminal, unless <c>--yes</c>), applies it and saves the state.
/// With input redirected and no <c>--yes</c> it refuses: a script must say so explicitly.
/// <c>octosync apply FILE</c> executes a plan saved by <c>plan --out FILE</c> exactly, without planning again, and
/// refuses a stale one. Ctrl+C and SIGTERM stop it between writes (<see cref="ApplyInterruption"/>).
/// </summary>
public sealed class ApplyCommand(IAnsiConsole console, CliServices services) : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : SyncSettings
    {
        [CommandArgument(0, "[PLAN]")]
        [Description("A plan saved by plan --out: apply exactly it (no re-planning); refused if stale.")]
        public string? PlanFile { get; init; }

        [CommandOption("-y|--yes")]
        [Description("Apply without asking.")]
        public bool Yes { get; init; }

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

            return Parallelism is >= 1 and <= 64
                ? ValidationResult.Success()
                : ValidationResult.Error($"--parallelism must be between 1 and 64, not {Parallelism.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(console, async () =>
        {
            using var interruption = new ApplyInterruption(signal =>
                console.MarkupLine($"[yellow]{signal} received: stopping after the writes in flight (again to stop at once).[/]"));
            var configuration = services.LoadConfiguration(settings.ConfigFile);
            var runner = new SyncRunner(services.Sync);
            var options = new ApplyOptions { Parallelism = settings.Parallelism, Stop = interruption.Stop };
            return settings.PlanFile is null
                ? await PlanAndApplyAsync(settings, configuration, runner, options, interruption, cancellationToken).ConfigureAwait(false)
                : await ApplySavedAsync(settings, configuration, runner, options, interruption, cancellationToken).ConfigureAwait(false);
        });

    private async Task<int> PlanAndApplyAsync(
        Settings settings, Engine.Configuration.SyncConfiguration configuration, SyncRunner runner, ApplyOptions options, ApplyInterruption interruption, CancellationToken cancellationToken)
    {
        IReadOnlyList<DestinationPlan> plans;
        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption.Stop))
        {
            try
            {
                plans = await ProgressView.ReadingAsync(console, settings.Json,
                    p => runner.PlanAsync(configuration, settings.Destination, p, reading.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (interruption.Stop.IsCancellationRequested)
            {
                console.MarkupLine($"[red]Interrupted ({interruption.Signal}) while reading: nothing was written.[/]");
                return ExitCodes.Error;
            }
        }

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
                p => runner.ApplyAsync(configuration, planned, options, p, null, cancellationToken)).ConfigureAwait(false);
            results.Add((planned, result));
            if (!settings.Json)
            {
                ApplyRenderer.Render(console, result);
            }

            ReportInterruption(result, interruption);
        }

        var exit = await FinishAsync(settings, results, cancellationToken).ConfigureAwait(false);
        // Stopped by a signal: exit 1 even when the last write in flight was the last of the plan.
        return interruption.Stop.IsCancellationRequested ? ExitCodes.Error : exit;
    }

    private async Task<int> ApplySavedAsync(
        Settings settings, Engine.Configuration.SyncConfiguration configuration, SyncRunner runner, ApplyOptions options, ApplyInterruption interruption, CancellationToken cancellationToken)
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
            var result = await ProgressView.ApplyingAsync(console, settings.Json, destination.Destination, total,
                p => runner.ApplySavedAsync(configuration, destination, options, p, null, cancellationToken)).ConfigureAwait(false);
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
        // On stderr too when the output is a JSON document, which must stay parseable.
        console.MarkupLine($"[red]{Markup.Escape(line)}[/]");
    }

    private async Task<int> FinishAsync(Settings settings, List<(DestinationPlan Plan, DestinationApplyResult Result)> results, CancellationToken cancellationToken)
    {
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

        return results.All(r => r.Result.Succeeded) && !results.Any(r => r.Result.Final.Interrupted) ? ExitCodes.Success : ExitCodes.Error;
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
