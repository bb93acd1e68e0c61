using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OctoSync.Emulator.Hosting;

/// <summary>
/// A multipart/form-data body (`POST /packages/raw`, the built-in feed's upload: one file part, e.g. `fileData`, named
/// after the package file — octopus.com/docs/octopus-rest-api/examples/feeds/push-package-to-builtin-feed), read into the
/// JSON the handlers take: `{"Files":[{"Name","FileName","Length","Sha1"}]}`. The bytes are not kept.
/// </summary>
internal static class PackageUpload
{
    public static async Task<JsonNode> ReadAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var files = new JsonArray();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
#pragma warning disable CA5350 // Not for security: a package's Hash on Octopus is the SHA-1 of the file (delta compression compares it).
            var hash = await SHA1.HashDataAsync(stream, request.HttpContext.RequestAborted);
#pragma warning restore CA5350
            files.Add(new JsonObject
            {
                ["Name"] = file.Name,
                ["FileName"] = file.FileName,
                ["Length"] = file.Length,
                ["Sha1"] = Convert.ToHexStringLower(hash),
            });
        }

        return new JsonObject { ["Files"] = files };
    }
}
