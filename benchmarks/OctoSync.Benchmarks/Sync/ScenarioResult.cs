namespace OctoSync.Benchmarks.Sync;

/// <summary>
/// What one scenario's process measured of itself, sent to the parent as one JSON line on stdout. Times are seconds;
/// memory is MiB. The floor's read and write parts are computed from the plan in the child (<see cref="RequestFloor"/>).
/// </summary>
internal sealed record ScenarioResult
{
    public required string Outcome { get; init; }
    public required int ReadFloor { get; init; }
    public required int WriteFloor { get; init; }
    public required double Connect { get; init; }
    public required double Read { get; init; }
    public required double Plan { get; init; }
    public required double PlanCpu { get; init; }
    public required double Render { get; init; }
    public required double Apply { get; init; }
    public required double Wall { get; init; }
    public required double Cpu { get; init; }

    /// <summary>The process's CPU from its start (runtime start-up and loading the configuration included).</summary>
    public required double ProcessCpu { get; init; }

    public required double PeakMiB { get; init; }

    /// <summary>The high-water mark when the reads ended, when planning started (connect, read and loading the state behind it) and when it
    /// ended; null where there is no /proc.</summary>
    public double? PeakAfterReadMiB { get; init; }
    public double? PeakBeforePlanMiB { get; init; }
    public double? PeakAfterPlanMiB { get; init; }

    /// <summary>Where <see cref="PeakMiB"/> came from: "VmHWM" (the kernel's high-water mark) or "sampled".</summary>
    public required string PeakSource { get; init; }

    /// <summary>GC heap in use at the end of the scenario (<c>GC.GetTotalMemory(false)</c>, garbage included).</summary>
    public required double GcHeapMiB { get; init; }

    /// <summary>Memory the GC had committed at the end of the scenario.</summary>
    public required double GcCommittedMiB { get; init; }

    /// <summary>The <c>--plan-repeats</c> line, when asked for.</summary>
    public string? PlanRepeats { get; init; }
}
