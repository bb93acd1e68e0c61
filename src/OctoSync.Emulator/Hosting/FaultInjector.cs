namespace OctoSync.Emulator.Hosting;

/// <summary>What a request suffers when the fault knob fires.</summary>
internal enum Fault
{
    None,
    InternalServerError,
    ServiceUnavailable,
    DropConnection,
}

/// <summary>Seeded random faults: the same seed and request sequence give the same faults.</summary>
internal sealed class FaultInjector(double rate, int seed)
{
    private readonly Lock gate = new();
    private readonly Random random = new(seed);

    public Fault Next()
    {
        if (rate <= 0)
        {
            return Fault.None;
        }

        lock (gate)
        {
            return random.NextDouble() >= rate ? Fault.None : (Fault)(1 + random.Next(3));
        }
    }
}
