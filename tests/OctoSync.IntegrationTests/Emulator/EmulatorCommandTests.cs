using System.Diagnostics;
using OctoSync.Cli;
using OctoSync.Cli.Commands.Emulator;
using OctoSync.Emulator;

namespace OctoSync.IntegrationTests.Emulator;

public sealed class EmulatorCommandTests
{
    [Fact]
    public void Settings_map_onto_emulator_options()
    {
        var settings = new EmulatorCommand.Settings
        {
            Port = 8065,
            ApiKey = "API-LOCAL",
            LatencyMs = 20,
            RateLimitPerMinute = 300,
            FaultRate = 0.1,
            FaultSeed = 9,
            RequestLog = "requests.jsonl",
        };

        var options = settings.ToOptions();

        Assert.Equal(
            (8065, "API-LOCAL", 20, (int?)300, 0.1, 9, "requests.jsonl"),
            (options.Port, options.ApiKey, options.LatencyMs, options.RateLimitPerMinute, options.FaultRate, options.FaultSeed, options.RequestLogPath));
    }

    [Fact]
    public void Without_an_api_key_a_fresh_key_in_Octopus_format_is_generated()
    {
        var first = new EmulatorCommand.Settings().ToOptions();
        var second = new EmulatorCommand.Settings().ToOptions();

        Assert.Matches("^API-[0-9A-F]{32}$", first.ApiKey);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Equal(1, first.FaultSeed);
    }

    [Theory]
    [InlineData(-1, 0.0, 0, false)]
    [InlineData(70000, 0.0, 0, false)]
    [InlineData(0, 1.5, 0, false)]
    [InlineData(0, 0.0, -5, false)]
    [InlineData(8065, 0.25, 10, true)]
    public void Settings_are_validated(int port, double faultRate, int latency, bool valid)
    {
        var settings = new EmulatorCommand.Settings { Port = port, FaultRate = faultRate, LatencyMs = latency };

        Assert.Equal(valid, settings.Validate().Successful);
    }

    [Theory]
    [InlineData("2021.2", true)]
    [InlineData("2026.3", true)]
    [InlineData("2019.7", false)]
    public void Server_version_is_one_the_emulator_models(string version, bool valid)
    {
        var settings = new EmulatorCommand.Settings { ServerVersion = version };

        Assert.Equal(valid, settings.Validate().Successful);
        if (valid)
        {
            Assert.Equal(version, settings.ToOptions().ServerVersion);
            Assert.Null(settings.ToOptions().RateLimitPerMinute); // the version's own default
        }
    }

    /// <summary>A real `octosync emulator` process stops cleanly on SIGTERM (and so on `kill`, `docker stop`).</summary>
    [PosixFact]
    public async Task The_emulator_command_stops_on_SIGTERM()
    {
        var cli = typeof(CliApp).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "emulator", "--port", "0", "--api-key", EmulatorOptions.NewApiKey()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.Contains("listening on", StringComparison.Ordinal));

            Assert.NotNull(line);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

/// <summary>A fact that needs POSIX signals and `kill` (skipped on Windows, with the reason).</summary>
internal sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "SIGTERM is a POSIX signal.";
        }
    }
}
