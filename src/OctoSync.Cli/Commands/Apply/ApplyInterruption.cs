using System.Runtime.InteropServices;

namespace OctoSync.Cli.Commands.Apply;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM during <c>apply</c>: the first one asks the apply to stop — no new write starts, the
/// writes in flight finish, the state is saved and the command exits 1 saying how far it got (k of n changes). Before
/// the first write it cancels reading and planning instead (nothing was written). A second signal is not caught: the
/// process ends at once, and the state journal still holds every write that was answered.
/// </summary>
internal sealed class ApplyInterruption : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<PosixSignalRegistration> registrations = [];

    private readonly Action<string> announce;

    /// <param name="announce">Told at once when the first signal arrives (the user sees that it was heard).</param>
    public ApplyInterruption(Action<string> announce)
    {
        this.announce = announce;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Stop => stop.Token;

    /// <summary>"SIGINT" or "SIGTERM" once one arrived.</summary>
    public string? Signal { get; private set; }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Signal = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        stop.Cancel();
        announce(Signal);
    }
}
