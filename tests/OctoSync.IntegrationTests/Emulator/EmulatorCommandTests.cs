using OctoSync.Cli.Commands.Emulator;

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
            (8065, "API-LOCAL", 20, 300, 0.1, 9, "requests.jsonl"),
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
}
