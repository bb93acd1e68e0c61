using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OctoSync.Emulator.Hosting;

/// <summary>Writes JSON answers the way Octopus does (application/json, UTF-8).</summary>
internal static class HttpJson
{
    public static async Task WriteAsync(HttpContext http, int status, JsonNode? body)
    {
        http.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";

        // Straight into the response pipe as UTF-8: a whole-document string (and its transcoding) cost as much
        // as building the document for large lists such as `variables/all`.
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            body.WriteTo(writer);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
