using System.Diagnostics;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// How the benchmark starts itself again as a child process (an emulator, or one scenario): the same executable, or
/// <c>dotnet OctoSync.Benchmarks.dll</c> when run through <c>dotnet</c>; stdin, stdout and stderr are pipes to the parent.
/// </summary>
internal static class BenchmarkChild
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet-trace collect -- …` the child would inherit the tracer's port and wait for it: trace the parent only
        // (a scenario's process is traced with `dotnet-trace collect -p <pid>`; the benchmark prints that pid).
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_Diagnostic", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Run as `dotnet OctoSync.Benchmarks.dll`: the child needs the assembly named too.
            start.ArgumentList.Add(typeof(BenchmarkChild).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
