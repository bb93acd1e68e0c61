using Microsoft.AspNetCore.Http;

namespace OctoSync.Emulator;

/// <summary>
/// A test knob, not Octopus behaviour: counts the writes (POST, PUT, DELETE) that reach the API after
/// authentication, and can hold one of them or lose the answer of some. Holding write <c>n</c> (its body already
/// read) lets a test interrupt a client at a known point — exactly <c>n - 1</c> writes answered, the <c>n</c>th in
/// flight — and then let the server finish it, as a real server finishes a request whose client was killed. Losing
/// an answer processes the write and then drops the connection: the client cannot know the outcome (the case a
/// dropped connection or a proxy's 5xx after the server committed gives on a real network).
/// </summary>
public sealed class WriteGate
{
    private readonly Lock gate = new();
    private readonly HashSet<int> lostAnswers = [];
    private int count;
    private int holdAt;
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes that reached the API so far.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Holds write number <paramref name="n"/> (1-based) until <see cref="Release"/>; the task completes once it is held.</summary>
    public Task HoldAsync(int n)
    {
        lock (gate)
        {
            holdAt = n;
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return reached.Task;
        }
    }

    /// <summary>Lets the held write proceed.</summary>
    public void Release()
    {
        lock (gate)
        {
            holdAt = 0;
            released.TrySetResult();
        }
    }

    /// <summary>The writes with these numbers (1-based) are processed, and then their connection is dropped.</summary>
    public void LoseAnswersOf(params int[] numbers)
    {
        lock (gate)
        {
            lostAnswers.UnionWith(numbers);
        }
    }

    internal async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (!(HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method)))
        {
            await next();
            return;
        }

        Task? wait = null;
        bool lose;
        lock (gate)
        {
            var number = ++count;
            lose = lostAnswers.Contains(number);
            if (number == holdAt)
            {
                wait = released.Task;
                reached.TrySetResult();
            }
        }

        if (wait is not null)
        {
            // Read the whole body first: the write must be able to complete after its client has gone.
            http.Request.EnableBuffering();
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Request.Body.Position = 0;
            await wait;
        }

        if (!lose)
        {
            await next();
            return;
        }

        var answer = http.Response.Body;
        http.Response.Body = new MemoryStream();
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = answer;
        }

        http.Items["DropConnection"] = true;
        http.Abort();
    }
}
