using System.ComponentModel;
using System.Runtime.InteropServices;
using OctoSync.Emulator;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands.Emulator;

/// <summary>`octosync emulator`: runs an emulated Octopus Server on 127.0.0.1 until Ctrl+C.</summary>
public sealed class EmulatorCommand(IAnsiConsole console) : AsyncCommand<EmulatorCommand.Settings>
{
    /// <summary>Options of `octosync emulator`; defaults are those of <see cref="EmulatorOptions"/>.</summary>
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--server-version <VERSION>")]
        [Description("The Octopus Server version to emulate: 2021.2, 2024.3 (default) or 2026.3.")]
        public string ServerVersion { get; init; } = ServerProfile.Default.Name;

        [CommandOption("--port <PORT>")]
        [Description("Port on 127.0.0.1 (0 = any free port).")]
        public int Port { get; init; }

        [CommandOption("--api-key <KEY>")]
        [Description("The API key clients must send (X-Octopus-ApiKey header or apikey query).")]
        public string? ApiKey { get; init; }

        [CommandOption("--latency-ms <MS>")]
        [Description("Delay added to every request.")]
        public int LatencyMs { get; init; }

        [CommandOption("--rate-limit-per-minute <N>")]
        [Description("Token-bucket limit; excess requests get 429 with Retry-After (0 = none; default: the version's, 200 on 2026.3).")]
        public int? RateLimitPerMinute { get; init; }

        [CommandOption("--fault-rate <P>")]
        [Description("Probability 0..1 that a request fails with 500, 503 or a dropped connection.")]
        public double FaultRate { get; init; }

        [CommandOption("--fault-seed <SEED>")]
        [Description("Seed of the fault sequence (same seed, same faults).")]
        public int FaultSeed { get; init; } = 1;

        [CommandOption("--request-log <FILE>")]
        [Description("Append one JSON line per request (never the API key).")]
        public string? RequestLog { get; init; }

        public override ValidationResult Validate() =>
            ServerProfile.Find(ServerVersion) is null ? ValidationResult.Error($"--server-version must be one of {string.Join(", ", ServerProfile.All.Select(p => p.Name))} (got '{ServerVersion}').")
            : Port is < 0 or > 65535 ? ValidationResult.Error("--port must be between 0 and 65535.")
            : FaultRate is < 0 or > 1 ? ValidationResult.Error("--fault-rate must be between 0 and 1.")
            : LatencyMs < 0 || RateLimitPerMinute < 0 ? ValidationResult.Error("--latency-ms and --rate-limit-per-minute cannot be negative.")
            : ValidationResult.Success();

        public EmulatorOptions ToOptions()
        {
            var defaults = new EmulatorOptions();
            return defaults with
            {
                ServerVersion = ServerVersion,
                Port = Port,
                ApiKey = string.IsNullOrEmpty(ApiKey) ? defaults.ApiKey : ApiKey,
                LatencyMs = LatencyMs,
                RateLimitPerMinute = RateLimitPerMinute,
                FaultRate = FaultRate,
                FaultSeed = FaultSeed,
                RequestLogPath = RequestLog,
            };
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop the server cleanly instead of killing the process
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM (`kill`, `docker stop`, systemd) stops the server the same way: without this the runtime's default
        // handler would only begin a shutdown the command never hears about.
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await EmulatorServer.RunAsync(settings.ToOptions(), server =>
            {
                console.MarkupLineInterpolated($"Octopus emulator listening on [green]{server.BaseUrl}[/] (Ctrl+C to stop)");
                if (string.IsNullOrEmpty(settings.ApiKey))
                {
                    // No key was chosen, so the emulator made one up: without it no client could connect. It is
                    // this throw-away emulator's own key, never a real server's.
                    console.MarkupLineInterpolated($"API key: {server.ApiKey} (generated; choose one with --api-key)");
                }
            }, stop.Token);
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
