using System.Text.RegularExpressions;

namespace OctoSync.Engine.Api.Internal;

/// <summary>
/// Turns the paths the engine uses into request URLs. Relative paths (<c>projects/all</c>) live under the space
/// root <c>/api/{spaceId}/</c>; absolute ones (<c>/api/spaces/all</c>, or links such as <c>Page.Next</c>) under
/// the server URL, which may have a virtual directory (<c>https://host/octopus/</c>). Link templates
/// (<c>/api/Spaces-1/projects{/id}{?skip,take}</c>) lose their template parts.
/// </summary>
internal static partial class OctopusUrls
{
    /// <summary>
    /// The server URL with a trailing slash and without credentials, query or fragment; a pasted API URL
    /// (<c>https://host/api</c>) becomes the server URL.
    /// </summary>
    public static Uri NormalizeServer(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The Octopus URL must be an absolute http(s) URL, not '{Display(url)}'.", nameof(url));
        }

        var builder = new UriBuilder(url) { UserName = "", Password = "", Query = "", Fragment = "" };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        if (builder.Path.EndsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            builder.Path = builder.Path[..^"api/".Length];
        }

        return builder.Uri;
    }

    /// <summary>The request URL of <paramref name="path"/> for a server and (optional) space.</summary>
    public static Uri Resolve(Uri server, string? spaceId, string path)
    {
        path = TemplatePart().Replace(path, "");
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (!string.Equals(absolute.GetLeftPart(UriPartial.Authority), server.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                // The API key would go to another host with this request.
                throw new ArgumentException($"Refusing to follow a link to another server: {Display(absolute)}", nameof(path));
            }

            return absolute;
        }

        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = path[1..];
        }

        if (path.StartsWith('/'))
        {
            // Links from the server already carry a virtual directory when the server runs under one.
            var root = server.AbsolutePath;
            var relative = root.Length > 1 && path.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? path[root.Length..] : path[1..];
            return new Uri(server, relative);
        }

        if (spaceId is null)
        {
            throw new InvalidOperationException($"'{path}' is relative to a space, but no space was chosen.");
        }

        return new Uri(server, $"api/{spaceId}/{path}");
    }

    /// <summary>A URL fit for messages: no user info and no <c>apikey</c> query parameter.</summary>
    public static string Display(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return ApiKeyParameter().Replace(url.OriginalString, "$1apikey=***");
        }

        var builder = new UriBuilder(url) { UserName = "", Password = "" };
        var text = builder.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        return ApiKeyParameter().Replace(text, "$1apikey=***");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex TemplatePart();

    [GeneratedRegex(@"([?&])apikey=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyParameter();
}
