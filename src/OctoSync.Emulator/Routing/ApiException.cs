using System.Text.Json.Nodes;

namespace OctoSync.Emulator.Routing;

/// <summary>
/// An error answered with Octopus's error body (`ErrorMessage` + `Errors`), the shape Octopus.Client's
/// OctopusExceptionFactory and go-octopusdeploy's APIError read.
/// </summary>
internal sealed class ApiException(int status, string errorMessage, IReadOnlyList<string> errors) : Exception(errorMessage)
{
    public const string ProblemWithRequest = "There was a problem with your request.";
    public const string NotFoundMessage = "The resource you requested was not found.";

    public int Status { get; } = status;

    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>The stack-trace text of an unhandled server error (500 only).</summary>
    public string? FullException { get; init; }

    public static ApiException BadRequest(params string[] errors) => new(400, ProblemWithRequest, errors);

    public static ApiException BadRequest(IReadOnlyList<string> errors) => new(400, ProblemWithRequest, errors);

    public static ApiException NotFound(string detail) => new(404, NotFoundMessage, [detail]);

    public static JsonObject Body(string errorMessage, IEnumerable<string> errors) => new()
    {
        ["ErrorMessage"] = errorMessage,
        ["Errors"] = new JsonArray(errors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
    };

    public JsonObject ToBody()
    {
        var body = Body(Message, Errors);
        if (FullException is not null)
        {
            body["FullException"] = FullException;
        }

        return body;
    }
}
