using System.Diagnostics;
using System.Text;
using OctoSync.Cli;
using OctoSync.Cli.Demo;
using OctoSync.Engine.Model;
using Xunit.Abstractions;

namespace OctoSync.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #7 item 6: an apply interrupted after k writes, for every k of the OctoFx first sync, by SIGINT (finish the
/// write in flight, save, exit 1 saying k of n) and by SIGKILL (no chance to save: the state journal holds what was
/// answered, and the write in flight completes on the server after the client died). A real <c>octosync</c> process
/// against two emulators; the destination holds write k + 1 (<c>WriteGate</c>) so that the signal lands at a known
/// point. Each is followed by a run that converges to the export of an uninterrupted run, a plan that exits 0 under
/// <c>--detailed-exitcode</c> with no drift, and a source change that arrives.
/// </summary>
public class InterruptedApplyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public Task An_apply_stopped_by_SIGINT_after_any_write_finishes_it_saves_and_the_next_run_converges() => MatrixAsync("SIGINT");

    [Fact]
    public Task An_apply_killed_after_any_write_leaves_a_journal_the_next_run_converges_from() => MatrixAsync("SIGKILL");

    private async Task MatrixAsync(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // POSIX signals.
        }

        var (reference, total) = await ReferenceAsync();
        Assert.InRange(total, 3, 60);
        var rows = new List<string>();
        for (var k = 0; k < total; k++)
        {
            rows.Add(await InterruptAsync(signal, k, total, reference));
        }

        output.WriteLine($"{signal}, n = {total}:\n{string.Join('\n', rows)}");
        Assert.All(rows, r => Assert.EndsWith("ok", r, StringComparison.Ordinal));
    }

    /// <summary>The end state of an uninterrupted first sync, and how many writes it takes.</summary>
    private static async Task<(string Export, int Writes)> ReferenceAsync()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (exit, text) = await instances.RunAsync("apply", "--yes", "--parallelism", "1");
        Assert.True(exit == 0, text);
        return (await DestinationExport.OfAsync(instances.DestinationClient), instances.DestinationWrites().Count);
    }

    private static async Task<string> InterruptAsync(string signal, int k, int total, string reference)
    {
        await using var instances = await TwoInstances.StartAsync();
        var gate = instances.Destination.Writes;
        var writesBefore = gate.Count;
        var held = gate.HoldAsync(writesBefore + k + 1);
        using var process = Start(instances);
        var lines = new StringBuilder();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (lines)
            {
                lines.AppendLine(e.Data);
            }

            if (e.Data?.Contains("received: stopping", StringComparison.Ordinal) == true)
            {
                heard.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (lines)
            {
                lines.AppendLine(e.Data);
            }

            // Signals and interruptions are reported on standard error.
            if (e.Data?.Contains("received: stopping", StringComparison.Ordinal) == true)
            {
                heard.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        Assert.True(await Task.WhenAny(held, exited, Task.Delay(Patience)) == held, $"k={k}: write {k + 1} never arrived:\n{lines}");
        string? exitLine = null;
        if (signal == "SIGKILL")
        {
            process.Kill();
            await exited;
            gate.Release();
            // The held write completes on the server after its client died (a real server does too).
            await WaitAsync(() => instances.DestinationWrites().Count >= k + 1);
        }
        else
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(await Task.WhenAny(heard.Task, Task.Delay(Patience)) == heard.Task, $"k={k}: the signal was not acknowledged:\n{lines}");
            gate.Release();
            Assert.True(await Task.WhenAny(exited, Task.Delay(Patience)) == exited, $"k={k}: no exit after SIGINT:\n{lines}");
            await exited;
            var text = lines.ToString();
            Assert.True(process.ExitCode == 1, $"k={k}: exit {process.ExitCode}:\n{text}");
            exitLine = $"Interrupted (SIGINT): {k + 1} of {total} changes written";
            Assert.True(text.Contains(exitLine, StringComparison.Ordinal), $"k={k}: expected '{exitLine}':\n{text}");
            Assert.Equal(k + 1, instances.DestinationWrites().Count);
        }

        var writtenBeforeRerun = instances.DestinationWrites().Count;
        instances.Destination.ClearRequestLog();

        if (signal == "SIGKILL")
        {
            // A killed run cannot release its lock: the next run names it as stale and writes nothing until told to
            // break it (issue #9: stale locks are detectable and broken only with an explicit flag).
            var (refused, refusedText) = await instances.RunAsync("apply", "--yes");
            Assert.True(refused == 1, $"k={k}: a stale lock was not refused:\n{refusedText}");
            Assert.Contains("stale", refusedText, StringComparison.Ordinal);
            Assert.Empty(instances.DestinationWrites());
        }

        var (converge, convergeText) = signal == "SIGKILL" ? await instances.RunAsync("apply", "--yes", "--break-lock") : await instances.RunAsync("apply", "--yes");
        Assert.True(converge == 0, $"k={k}: the converging run failed:\n{convergeText}");
        var rewrites = instances.DestinationWrites().Count;
        Assert.True(await DestinationExport.OfAsync(instances.DestinationClient) == reference, $"k={k}: the end state differs from an uninterrupted run:\n{convergeText}");

        var (plan, planText) = await instances.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan == 0, $"k={k}: plan after convergence exits {plan}:\n{planText}");
        Assert.DoesNotContain("drift", planText, StringComparison.OrdinalIgnoreCase);

        // The next source change arrives.
        var project = (await instances.SourceClient.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        project["Description"] = $"changed after interruption {k}";
        await instances.SourceClient.UpdateAsync($"projects/{project.Id()}", project);
        var (next, nextText) = await instances.RunAsync("apply", "--yes");
        Assert.True(next == 0, nextText);
        var destination = (await instances.DestinationClient.GetAllAsync("projects")).Single(p => p.Name() == OctoFxExample.Project);
        Assert.Equal($"changed after interruption {k}", destination.Str("Description"));

        return $"k={k,2} {signal}: {writtenBeforeRerun} written before the rerun, {rewrites} by the rerun ({total - writtenBeforeRerun} expected); ok";
    }

    private static Process Start(TwoInstances instances)
    {
        var cli = typeof(CliApp).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "apply", "--yes", "--parallelism", "1", "-c", instances.ConfigPath })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OCTOSYNC_DEMO_SOURCE_KEY"] = instances.Source.ApiKey;
        info.Environment["OCTOSYNC_DEMO_DESTINATION_KEY"] = instances.Destination.ApiKey;
        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the emulator");
            await Task.Delay(50);
        }
    }
}
