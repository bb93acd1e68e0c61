using System.Diagnostics;
using System.Globalization;

namespace OctoSync.Cli.Rendering;

/// <summary>
/// The pace and time-left part of the apply progress line (issue #10): "paced 200/min, about 4 min 10 s left".
/// The estimate is the time per write so far times the writes left, so it holds whether the run is paced, throttled
/// by 429s or neither.
/// </summary>
internal sealed class ApplyPace(int? requestsPerMinute)
{
    private readonly long start = Stopwatch.GetTimestamp();

    public string Describe(int done, int total)
    {
        var paced = requestsPerMinute is { } perMinute ? string.Create(CultureInfo.InvariantCulture, $"paced {perMinute}/min") : null;
        if (done <= 0 || done >= total)
        {
            return paced ?? "";
        }

        var left = Stopwatch.GetElapsedTime(start) / done * (total - done);
        var estimate = $"about {Duration(left)} left";
        return paced is null ? estimate : $"{paced}, {estimate}";
    }

    internal static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "1 s",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };
}
