using System.Globalization;

namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// The process's peak resident memory as the kernel counts it: <c>VmHWM</c> in <c>/proc/self/status</c> (exact, not
/// sampled; proc(5)). Null where there is no /proc (not Linux).
/// </summary>
internal static class PeakMemory
{
    public static double? HighWaterMarkMiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            // "VmHWM:\t  123456 kB"
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var parts = line["VmHWM:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return parts is [var kb, "kB"] && long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? value / 1024.0
                    : null;
            }
        }

        return null;
    }
}
