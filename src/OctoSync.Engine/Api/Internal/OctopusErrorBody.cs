using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Reads Octopus's error body <c>{"ErrorMessage": "...", "Errors": ["..."]}</c> into an
/// <see cref="OctopusApiException"/>. Bodies that are not JSON (a proxy's HTML page) fall back to the status text.
/// </summary>
internal static class OctopusErrorBody
{
    private const int MaxPlainTextLength = 300;

    public static OctopusApiException ToException(string method, string url, int status, string? reasonPhrase, string body)
    {
        var (message, errors) = Parse(body);
        if (message is null && errors.Count == 0)
        {
            message = PlainText(body) ?? reasonPhrase;
        }

        return new OctopusApiException(method, url, status, message, errors);
    }

    private static (string? Message, IReadOnlyList<string> Errors) Parse(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return (null, []);
        }

        try
        {
            if (JsonNode.Parse(body) is not JsonObject obj)
            {
                return (null, []);
            }

            var message = obj["ErrorMessage"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var errors = obj["Errors"] is JsonArray array
                ? array.Select(e => e is JsonValue ev && ev.TryGetValue<string>(out var es) ? es : e?.ToJsonString())
                    .Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList()
                : [];
            return (message, errors);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    /// <summary>A short plain-text body is worth showing; markup is not.</summary>
    private static string? PlainText(string body)
    {
        var text = body.Trim();
        return text.Length is > 0 and <= MaxPlainTextLength && !text.StartsWith('<') && !text.StartsWith('{') ? text : null;
    }
}
