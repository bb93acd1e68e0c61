using System.Globalization;

namespace OctoSync.Engine.Api;

/// <summary>A retry about to wait: how long, why (<c>429</c>, <c>503</c>, <c>connection refused</c>), which retry of how many.</summary>
public sealed record RetryWait(TimeSpan Delay, string Reason, int Retry, int MaxRetries)
{
    /// <summary>The line shown on the progress: <c>waiting 30 s: 429 from prod (retry 2/6)</c>.</summary>
    public string Describe(string target)
    {
        var seconds = Delay.TotalSeconds < 10
            ? Delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)
            : Math.Round(Delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return $"waiting {seconds} s: {Reason} from {target} (retry {Retry.ToString(CultureInfo.InvariantCulture)}/{MaxRetries.ToString(CultureInfo.InvariantCulture)})";
    }
}
