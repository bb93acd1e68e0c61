using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;
using OctoSync.Emulator.Store;

namespace OctoSync.Emulator.Hosting;

/// <summary>
/// The terminal handler: parses the body, resolves the route and runs the handler under the store's lock,
/// so every request sees and leaves a consistent store.
/// </summary>
internal sealed class ApiDispatcher(ServerStore store, Router router)
{
    public async Task HandleAsync(HttpContext http)
    {
        ApiResponse response;
        try
        {
            var body = await ReadBodyAsync(http.Request);
            lock (store.Gate)
            {
                var match = router.Resolve(http.Request.Method, http.Request.Path.Value ?? "/", store);
                var call = new RouteCall(new SpaceContext(store, match.SpaceId), match.Values, http.Request.Query, body)
                {
                    CanonicalPath = match.CanonicalPath,
                };
                response = match.Route.Handler(call);
            }
        }
        catch (ApiException e)
        {
            response = new ApiResponse(e.Status, e.ToBody());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A body the emulator cannot interpret (e.g. a number where an id list belongs): answer like the real
            // server's unhandled errors (ErrorMessage + FullException) instead of an empty 500.
            var body = ApiException.Body("An unexpected error occurred in the emulator.", [e.Message]);
            body["FullException"] = e.ToString();
            response = new ApiResponse(500, body);
        }

        if (response.File is var (bytes, contentType))
        {
            http.Response.StatusCode = response.Status;
            http.Response.ContentType = contentType;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
            return;
        }

        await HttpJson.WriteAsync(http, response.Status, response.Body);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return null;
        }

        if (request.HasFormContentType)
        {
            return await PackageUpload.ReadAsync(request);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"The request body is not valid JSON: {e.Message}");
        }
    }
}
