using System.Runtime.ExceptionServices;

namespace OctoSync.Engine.Snapshot.Internal;

/// <summary>
/// Runs the steps of one read: reports each finished step as <see cref="ReadProgress"/> (steps finish in any
/// order) and, when one step fails, cancels the others so a failed read stops sending requests.
/// </summary>
internal sealed class ProgressTracker(IProgress<ReadProgress>? progress, int total, CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private Exception? firstFailure;
    private int done;

    /// <summary>Cancelled when the caller cancels or a step fails.</summary>
    public CancellationToken Token => cancellation.Token;

    public async Task<T> Track<T>(string step, Task<T> work)
    {
        try
        {
            var result = await work;
            progress?.Report(new ReadProgress(step, Interlocked.Increment(ref done), total));
            return result;
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException && Interlocked.CompareExchange(ref firstFailure, ex, null) is null)
            {
                await cancellation.CancelAsync();
            }

            throw;
        }
    }

    /// <summary>Waits for every step; on failure throws the step's own error rather than a sibling's cancellation.</summary>
    public async Task WhenAll(IEnumerable<Task> steps)
    {
        try
        {
            await Task.WhenAll(steps);
        }
        catch (OperationCanceledException) when (firstFailure is not null)
        {
            ExceptionDispatchInfo.Throw(firstFailure);
        }
    }

    public void Dispose() => cancellation.Dispose();
}
