using System.Diagnostics;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>
/// The official TypeScript client `@octopusdeploy/api-client` (tests/ts-client, version pinned by package.json and its
/// lockfile; `.ci/run` runs `npm ci` there) runs tests/ts-client/conformance.js against each server profile.
/// </summary>
public sealed class TypeScriptClientTests
{
    [TypeScriptClientTheory]
    [InlineData("2021.2")]
    [InlineData("2024.3")]
    [InlineData("2026.3")]
    public async Task The_official_TypeScript_client_works_against_the_profile(string version)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ServerVersion = version, RateLimitPerMinute = 0 });
        var start = new ProcessStartInfo("node", ["conformance.js"])
        {
            WorkingDirectory = TypeScriptClient.Folder!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OCTOPUS_URL"] = server.BaseUrl.ToString().TrimEnd('/');
        start.Environment["OCTOPUS_API_KEY"] = server.ApiKey;
        start.Environment["OCTOPUS_SERVER_VERSION"] = server.Profile.Version;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"node conformance.js on {version} exited {process.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains(" 0 failed", await output, StringComparison.Ordinal);
    }
}

/// <summary>Where tests/ts-client is and whether node and the installed client are there.</summary>
internal static class TypeScriptClient
{
    public static string? Folder { get; } = Locate();

    public static string? MissingReason { get; } = Check();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ts-client");
            if (File.Exists(Path.Combine(candidate, "conformance.js")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Check()
    {
        if (Folder is null)
        {
            return "tests/ts-client/conformance.js not found above the test output.";
        }

        if (!File.Exists(Path.Combine(Folder, "node_modules", "@octopusdeploy", "api-client", "package.json")))
        {
            return "@octopusdeploy/api-client is not installed: run `npm ci` in tests/ts-client (.ci/run does).";
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0 ? null : "node --version failed.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed.";
        }
    }
}

/// <summary>A theory skipped, with the reason, only when node or the installed client is missing.</summary>
internal sealed class TypeScriptClientTheoryAttribute : TheoryAttribute
{
    public TypeScriptClientTheoryAttribute()
    {
        if (TypeScriptClient.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
