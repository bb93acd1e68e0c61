using System.Globalization;

namespace OctoSync.Benchmarks.Sync;

/// <summary>Command-line knobs of the sync benchmark; every one has a default.</summary>
internal sealed record SyncBenchmarkArgs
{
    public IReadOnlyList<string> Sizes { get; init; } = ["S", "M"];
    public int LatencyMs { get; init; } = 25;
    public int RateLimitPerMinute { get; init; }
    public int PacePerMinute { get; init; }
    public int PlanRepeats { get; init; }

    public const string Usage =
        "usage: OctoSync.Benchmarks sync [--size S,M,L (default S,M)] [--latency-ms N=25] [--rate-limit N=0 (server, per minute)] "
        + "[--pace N=0 (requestsPerMinute in the config)] [--plan-repeats N=0 (plan the last input N more times, for a profiler)]";

    public static SyncBenchmarkArgs Parse(IReadOnlyList<string> args)
    {
        var result = new SyncBenchmarkArgs();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            result = args[i] switch
            {
                "--size" or "--sizes" => result with { Sizes = List(Value()) },
                "--latency-ms" => result with { LatencyMs = Int(Value()) },
                "--rate-limit" or "--rate-limit-per-minute" => result with { RateLimitPerMinute = Int(Value()) },
                "--pace" or "--requests-per-minute" => result with { PacePerMinute = Int(Value()) },
                "--plan-repeats" => result with { PlanRepeats = Int(Value()) },
                "-h" or "--help" => throw new ArgumentException(Usage),
                var other => throw new ArgumentException($"Unknown argument '{other}'.\n{Usage}"),
            };
        }

        foreach (var size in result.Sizes)
        {
            _ = SpaceShape.Of(size);
        }

        return result;
    }

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
