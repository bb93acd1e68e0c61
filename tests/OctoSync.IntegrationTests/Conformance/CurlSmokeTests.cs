using System.Diagnostics;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>`scripts/curl-smoke.sh` — a client that is not .NET at all — passes against the emulator.</summary>
public sealed class CurlSmokeTests
{
    [Fact]
    public async Task Curl_smoke_script_passes_against_the_emulator()
    {
        var script = FindScript();
        if (script is null || !File.Exists("/usr/bin/curl") || !File.Exists("/bin/bash"))
        {
            return; // curl or bash unavailable (e.g. Windows CI): nothing to run
        }

        await using var server = await EmulatorServer.StartAsync();
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(server.BaseUrl.ToString());
        start.ArgumentList.Add(server.ApiKey);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"curl-smoke.sh failed ({process.ExitCode}): {output}{error}");
        Assert.Contains("smoke ok: Projects-1 deploymentprocess-Projects-1 variableset-Projects-1", output, StringComparison.Ordinal);
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "curl-smoke.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
