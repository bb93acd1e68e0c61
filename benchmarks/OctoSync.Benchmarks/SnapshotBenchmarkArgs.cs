using System.Globalization;

namespace OctoSync.Benchmarks;

/// <summary>Command-line knobs of the snapshot benchmark; every one has a default.</summary>
internal sealed record SnapshotBenchmarkArgs
{
    public int Projects { get; init; } = 200;
    public int LatencyMs { get; init; } = 20;
    public int RateLimitPerMinute { get; init; }
    public double FaultRate { get; init; }
    public int Concurrency { get; init; } = 4;

    public const string Usage =
        "usage: OctoSync.Benchmarks snapshot [--projects N=200] [--latency-ms N=20] [--rate-limit-per-minute N=0] [--fault-rate P=0] [--concurrency N=4]";

    /// <summary>A bare number is the project count (<c>dotnet run -- 500</c>).</summary>
    public static SnapshotBenchmarkArgs Parse(IReadOnlyList<string> args)
    {
        var result = new SnapshotBenchmarkArgs();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            result = args[i] switch
            {
                "--projects" => result with { Projects = Int(Value()) },
                "--latency-ms" => result with { LatencyMs = Int(Value()) },
                "--rate-limit-per-minute" or "--rate-limit" => result with { RateLimitPerMinute = Int(Value()) },
                "--fault-rate" => result with { FaultRate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--concurrency" => result with { Concurrency = Int(Value()) },
                var n when int.TryParse(n, CultureInfo.InvariantCulture, out var projects) => result with { Projects = projects },
                var other => throw new ArgumentException($"Unknown argument '{other}'.\n{Usage}"),
            };
        }

        return result;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
