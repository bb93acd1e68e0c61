namespace OctoSync.Engine.Api;

/// <summary>
/// An Octopus API call failed. The message names the method, the URL (never the API key), the status and
/// Octopus's own <c>ErrorMessage</c> and <c>Errors</c>, e.g.
/// <c>PUT /api/Spaces-1/variables/variableset-Projects-1 → 400: There was a problem with your request. (Variable ids must be unique.)</c>.
/// </summary>
public sealed class OctopusApiException : Exception
{
    public OctopusApiException(string method, string url, int statusCode, string? errorMessage, IReadOnlyList<string> errors, Exception? inner = null)
        : base(Format(method, url, statusCode, errorMessage, errors), inner)
    {
        Method = method;
        Url = url;
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
        Errors = errors;
    }

    public string Method { get; }
    public string Url { get; }
    /// <summary>HTTP status; 0 when no response arrived (connection failure after retries).</summary>
    public int StatusCode { get; }
    public string? ErrorMessage { get; }
    public IReadOnlyList<string> Errors { get; }

    /// <summary>400 whose message says the document changed since it was read (stale <c>Version</c>).</summary>
    public bool IsVersionConflict =>
        StatusCode == 400 && (ErrorMessage ?? "").Contains("another user has made changes", StringComparison.OrdinalIgnoreCase)
        || Errors.Any(e => e.Contains("another user has made changes", StringComparison.OrdinalIgnoreCase));

    public bool IsNotFound => StatusCode == 404;
    public bool IsUnauthorized => StatusCode is 401 or 403;

    private static string Format(string method, string url, int status, string? message, IReadOnlyList<string> errors)
    {
        var head = status == 0 ? $"{method} {url} failed: no response" : $"{method} {url} → {status}";
        var body = message ?? "";
        if (errors.Count > 0)
        {
            body += (body.Length > 0 ? " " : "") + "(" + string.Join("; ", errors) + ")";
        }

        return body.Length > 0 ? $"{head}: {body}" : head;
    }
}
