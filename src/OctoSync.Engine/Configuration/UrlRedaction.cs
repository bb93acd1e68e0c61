using System.Text.RegularExpressions;

namespace OctoSync.Engine.Configuration;

/// <summary>
/// Replaces the credentials a URL may carry — an <c>apikey</c> query parameter (Octopus accepts one) and
/// <c>user:password@</c> — with <c>***</c>, so a key written into a URL can never reach output, plan files,
/// reports or state.
/// </summary>
public static partial class UrlRedaction
{
    public static Uri Redact(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return url;
        }

        var hasUser = url.UserInfo.Length > 0;
        var hasKey = ApiKeyParameter().IsMatch(url.Query);
        if (!hasUser && !hasKey)
        {
            return url;
        }

        var builder = new UriBuilder(url);
        if (hasUser)
        {
            builder.UserName = "***";
            builder.Password = "";
        }

        if (hasKey)
        {
            builder.Query = ApiKeyParameter().Replace(url.Query.TrimStart('?'), "$1apikey=***");
        }

        return builder.Uri;
    }

    /// <summary>The same for a URL as text (which may not even parse).</summary>
    public static string Redact(string text) =>
        UserInfo().Replace(ApiKeyParameter().Replace(text, "$1apikey=***"), "$1***@");

    [GeneratedRegex(@"(^|[?&])apikey=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyParameter();

    [GeneratedRegex(@"(^[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@")]
    private static partial Regex UserInfo();
}
