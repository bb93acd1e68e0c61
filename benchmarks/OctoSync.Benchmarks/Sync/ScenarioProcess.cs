using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The parent's side of <see cref="ScenarioRun"/>: runs one scenario in a fresh child process (the benchmark started
/// again as <c>sync-scenario</c>), relays its stderr as it comes, waits for it and reads its result line. The child
/// is killed if the parent stops waiting for it (an error, or the parent's own exit); it also stops by itself when
/// its stdin, held open here, closes.
/// </summary>
internal static class ScenarioProcess
{
    public static async Task<ScenarioResult> RunAsync(string configPath, string scenario, int planRepeats)
    {
        var arguments = new List<string> { ScenarioRun.Verb, "--config", configPath, "--scenario", scenario };
        if (planRepeats > 0)
        {
            arguments.AddRange(["--plan-repeats", planRepeats.ToString(CultureInfo.InvariantCulture)]);
        }

        using var process = Process.Start(BenchmarkChild.StartInfo([.. arguments]))
            ?? throw new ScenarioFailedException($"scenario '{scenario}': its process did not start.");
        void KillOnExit(object? sender, EventArgs e) => Kill(process);
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        try
        {
            if (planRepeats > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{scenario}: process {process.Id} (a profiler can attach with -p {process.Id} while it plans {planRepeats} more times)"));
            }

            var lastError = "";
            var errors = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync() is { } line)
                {
                    lastError = line.Length > 0 ? line : lastError;
                    await Console.Error.WriteLineAsync($"  [{scenario}] {line}");
                }
            });
            string? result = null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (result is not null)
                {
                    Console.WriteLine($"  [{scenario}] {result}");
                }

                result = line;
            }

            await process.WaitForExitAsync();
            await errors;
            if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(result))
            {
                throw new ScenarioFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"scenario '{scenario}' failed: its process exited with code {process.ExitCode}{(lastError.Length > 0 ? $": {lastError}" : "")}"));
            }

            try
            {
                return JsonSerializer.Deserialize<ScenarioResult>(result, ScenarioRun.Json)
                    ?? throw new ScenarioFailedException($"scenario '{scenario}': its result line was empty.");
            }
            catch (JsonException ex)
            {
                throw new ScenarioFailedException($"scenario '{scenario}': its last line was not a result ({ex.Message}).");
            }
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
