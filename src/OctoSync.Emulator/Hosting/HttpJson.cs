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
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
