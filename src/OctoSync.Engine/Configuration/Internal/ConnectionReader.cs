using YamlDotNet.RepresentationModel;

namespace OctoSync.Engine.Configuration.Internal;

/// <summary>Reads <c>url</c>, <c>apiKey</c>, <c>space</c> and <c>requestsPerMinute</c> of <c>source</c> or a destination.</summary>
internal static class ConnectionReader
{
    /// <summary>The connection keys, for the known-key lists of <c>source</c> and a destination.</summary>
    public static readonly string[] Keys = ["url", "apiKey", "space", "requestsPerMinute"];

    /// <summary>Reads one of the connection keys into <paramref name="parts"/>; false for any other key.</summary>
    public static bool TryRead(ConfigReader r, ConfigReader.Entry e, Parts parts)
    {
        switch (e.Key)
        {
            case "url":
                parts.Url = Url(r, e);
                return true;
            case "apiKey":
                // Read like any text, but never echoed: errors name the key and the variable only.
                parts.ApiKey = r.Text(e.Value, e.Path, required: true);
                return true;
            case "space":
                parts.Space = r.Text(e.Value, e.Path);
                return true;
            case "requestsPerMinute":
                parts.RequestsPerMinute = RequestsPerMinute(r, e);
                return true;
            default:
                return false;
        }
    }

    public static void RequireKeys(ConfigReader r, YamlMappingNode map, string path)
    {
        r.RequireKey(map, path, "url");
        r.RequireKey(map, path, "apiKey");
    }

    private static Uri? Url(ConfigReader r, ConfigReader.Entry e)
    {
        if (r.Text(e.Value, e.Path, required: true) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return Checked(r, e, url);
        }

        // The text may carry a key (?apikey=, user:password@): quote it redacted.
        r.Error(e.Value, e.Path, $"'{UrlRedaction.Redact(((YamlScalarNode)e.Value).Value ?? string.Empty)}' is not an absolute http or https URL");
        return null;
    }

    /// <summary>
    /// The URL with any credential it carries replaced by <c>***</c>, so that no output can show it (requests never
    /// use the URL's query or user info: the key goes in the <c>X-Octopus-ApiKey</c> header); warnings for a key in
    /// the URL and for plain http to a host that is not this machine.
    /// </summary>
    private static Uri Checked(ConfigReader r, ConfigReader.Entry e, Uri url)
    {
        var redacted = UrlRedaction.Redact(url);
        // Uri equality ignores user info: Redact returns the same instance when there was nothing to redact.
        if (!ReferenceEquals(redacted, url))
        {
            r.Warning(e.Line, e.Path, $"the URL carries a credential (?apikey= or user:password@); it is not used and is shown as *** everywhere: give the key in apiKey instead ({redacted})");
        }

        if (redacted.Scheme == Uri.UriSchemeHttp && !redacted.IsLoopback)
        {
            r.Warning(e.Line, e.Path, $"plain http to {redacted.Host}: the API key travels unencrypted; use https");
        }

        return redacted;
    }

    /// <summary>The client-side pace: a whole number of requests per minute, at least 1 (absent = not paced).</summary>
    private static int? RequestsPerMinute(ConfigReader r, ConfigReader.Entry e)
    {
        if (r.Text(e.Value, e.Path, required: true) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var perMinute) && perMinute >= 1)
        {
            return perMinute;
        }

        r.Error(e.Value, e.Path, $"'{((YamlScalarNode)e.Value).Value}' is not a whole number of requests per minute (1 or more)");
        return null;
    }

    /// <summary>The connection as read so far; <see cref="Build"/> is null while anything is missing or invalid.</summary>
    public sealed class Parts
    {
        public Uri? Url { get; set; }
        public string? ApiKey { get; set; }
        public string? Space { get; set; }
        public int? RequestsPerMinute { get; set; }

        public OctopusConnection? Build() =>
            Url is not null && ApiKey is not null ? new OctopusConnection(Url, ApiKey, Space) { RequestsPerMinute = RequestsPerMinute } : null;
    }
}
