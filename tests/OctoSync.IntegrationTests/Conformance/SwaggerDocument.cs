using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OctoSync.IntegrationTests.Conformance;

/// <summary>
/// The real Swagger document of Octopus Server 2021.2.4488 (basePath `/api`), found beside the repository
/// (`shared/reference/`) or copied into the test output (`Reference/`).
/// </summary>
internal sealed partial class SwaggerDocument
{
    public const string FileName = "octopus-swagger-2021.2.4488.json";

    private static readonly Lazy<SwaggerDocument> Instance = new(Load);

    private SwaggerDocument(JsonObject root)
    {
        Definitions = (JsonObject)root["definitions"]!;
        Operations = ((JsonObject)root["paths"]!)
            .SelectMany(p => ((JsonObject)p.Value!).Select(m => (m.Key.ToUpperInvariant(), Normalise(p.Key))))
            .ToHashSet();
    }

    public static SwaggerDocument Current => Instance.Value;

    public JsonObject Definitions { get; }

    /// <summary>(METHOD, normalised path) pairs, e.g. (`GET`, `/{}/projects/{}`).</summary>
    public HashSet<(string Method, string Path)> Operations { get; }

    public IReadOnlySet<string> PropertiesOf(string definition) =>
        ((Definitions[definition] as JsonObject)?["properties"] as JsonObject)?.Select(p => p.Key).ToHashSet()
        ?? throw new InvalidOperationException($"Swagger has no definition {definition}.");

    /// <summary>Parameter names differ (`{id}`, `{projectId}`, `{baseSpaceId}`); the shape and literal casing do not matter.</summary>
    public static string Normalise(string path) => ParameterPattern().Replace(path, "{}").ToLowerInvariant();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex ParameterPattern();

    private static SwaggerDocument Load()
    {
        var path = Locate() ?? throw new FileNotFoundException(
            $"{FileName} not found: expected shared/reference/{FileName} in an ancestor of {AppContext.BaseDirectory} or Reference/{FileName} in the test output.");
        return new SwaggerDocument((JsonObject)JsonNode.Parse(File.ReadAllText(path))!);
    }

    private static string? Locate() => LocateReference(FileName);

    /// <summary>A file of shared/reference: copied into the test output or found beside the repository.</summary>
    public static string? LocateReference(string fileName)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Reference", fileName);
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
