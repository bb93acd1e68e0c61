using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>
/// The Octopus CLI's environment variables as the defaults of <c>source</c>: <c>OCTOPUS_URL</c>, <c>OCTOPUS_API_KEY</c>
/// and <c>OCTOPUS_SPACE</c> fill in what the file leaves out (the whole <c>source</c> key, or any of its three keys).
/// A value in the file always wins. Destinations have no defaults: a destination is always named explicitly.
/// </summary>
internal static class SourceDefaults
{
    public const string UrlVariable = "OCTOPUS_URL";
    public const string ApiKeyVariable = "OCTOPUS_API_KEY";
    public const string SpaceVariable = "OCTOPUS_SPACE";

    /// <summary>No <c>source</c> key at all: the environment is the source, or the key is missing.</summary>
    public static ConnectionReader.Parts FromEnvironment(ConfigReader r, YamlMappingNode root)
    {
        var parts = new ConnectionReader.Parts();
        if (r.Variable(UrlVariable) is not { Length: > 0 } || r.Variable(ApiKeyVariable) is not { Length: > 0 })
        {
            r.Error(root, "source", $"required key is missing (or set {UrlVariable} and {ApiKeyVariable})");
            return parts;
        }

        Fill(r, parts, null, root, "source");
        return parts;
    }

    /// <summary>Fills the parts <paramref name="map"/> (null: no <c>source</c> key) leaves out; reports what is still missing.</summary>
    public static void Fill(ConfigReader r, ConnectionReader.Parts parts, YamlMappingNode? map, YamlNode at, string path)
    {
        bool Missing(string key) => map is null || !ConfigReader.Has(map, key);

        if (Missing("url"))
        {
            if (r.Variable(UrlVariable) is { Length: > 0 } text)
            {
                parts.Url = Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                    ? url
                    : Report(r, at, path, $"{UrlVariable} is '{text}', not an absolute http or https URL");
            }
            else
            {
                Report(r, at, KeyPath.Child(path, "url"), $"required key is missing (or set {UrlVariable})");
            }
        }

        if (Missing("apiKey"))
        {
            if (r.Variable(ApiKeyVariable) is { Length: > 0 } key)
            {
                parts.ApiKey = key;
            }
            else
            {
                Report(r, at, KeyPath.Child(path, "apiKey"), $"required key is missing (or set {ApiKeyVariable})");
            }
        }

        if (Missing("space") && r.Variable(SpaceVariable) is { Length: > 0 } space)
        {
            parts.Space = space;
        }
    }

    private static Uri? Report(ConfigReader r, YamlNode at, string path, string message)
    {
        r.Error(at, path, message);
        return null;
    }
}
