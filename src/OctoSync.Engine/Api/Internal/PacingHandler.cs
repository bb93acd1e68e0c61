namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Waits for the instance's <see cref="RequestPacer"/> before every attempt. It sits inside the retry pipeline,
/// so a retry takes a token too: the server counts it like any other request.
/// </summary>
internal sealed class PacingHandler(RequestPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
