using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Routing;

/// <summary>What a handler answers: a status and an optional JSON body.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body)
{
    /// <summary>A non-JSON body (logos) and its media type.</summary>
    public (byte[] Bytes, string ContentType)? File { get; init; }

    public static ApiResponse Binary(byte[] bytes, string contentType) => new(200, null) { File = (bytes, contentType) };

    public static ApiResponse Ok(JsonNode? body) => new(200, body);

    public static ApiResponse Created(JsonNode? body) => new(201, body);
}
