namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Innermost handler: counts every attempt that goes on the wire (retries included) and reads the response body
/// into memory, so that a connection dropped in the middle of a body fails inside the retry pipeline, where it
/// can be retried, rather than after it.
/// </summary>
internal sealed class RequestCountingHandler(OctopusRequestCounters counters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counters.CountRequest();
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
