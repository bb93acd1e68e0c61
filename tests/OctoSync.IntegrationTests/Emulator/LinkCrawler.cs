using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OctoSync.IntegrationTests.Conformance;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Follows every `Links` value of the root, the space root and every document reached (templates expanded empty).</summary>
internal static partial class LinkCrawler
{
    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex TemplatePart();

    /// <summary>A required path variable (`{typeOrId}`), not an optional `{/id}` or a `{?query}`.</summary>
    [GeneratedRegex(@"\{[^/?][^}]*\}")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"^/api/Spaces-\d+/", RegexOptions.IgnoreCase)]
    private static partial Regex SpacePrefix();

    public static async Task<(int Followed, List<string> Failures)> CrawlAsync(EmulatorSession session, int limit = 2000)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/api", "/api/Spaces-1"]);
        var failures = new List<string>();
        var collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (queue.Count > 0 && seen.Count < limit)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            var (status, json) = await GetAsync(session, path);
            if (status == HttpStatusCode.NotFound && collections.Contains(path))
            {
                // A `{/id}` template with no list route (`variables{/id}{?ids}`): clients expand it with `all`
                // (Octopus.Client GetAll, notes §2.3).
                (status, json) = await GetAsync(session, path + "/all");
            }

            if (status == HttpStatusCode.MethodNotAllowed && OnlyOtherVerbs(path))
            {
                // A link to a route the real server serves for another verb only (`environments/sortorder`: PUT).
                continue;
            }

            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{path} → {(int)status}");
                continue;
            }

            if (json is null)
            {
                continue;
            }

            foreach (var link in Links(JsonNode.Parse(json)))
            {
                if (RequiredVariable().IsMatch(link))
                {
                    // Needs a value no empty expansion gives (`actiontemplates/{typeOrId}/logo`); tested by name.
                    continue;
                }

                var expanded = TemplatePart().Replace(link, "");
                if (link.Contains("{/id}", StringComparison.Ordinal))
                {
                    collections.Add(expanded);
                }

                if (expanded.StartsWith("/api", StringComparison.Ordinal) && !seen.Contains(expanded))
                {
                    queue.Enqueue(expanded);
                }
            }
        }

        return (seen.Count, failures);
    }

    /// <summary>The Swagger 2021.2 has the path, but not for GET.</summary>
    private static bool OnlyOtherVerbs(string path)
    {
        var normalised = SpacePrefix().IsMatch(path) ? SwaggerDocument.Normalise("/{}/" + SpacePrefix().Replace(path, "")) : SwaggerDocument.Normalise(path["/api".Length..]);
        // A literal path wins (`environments/sortorder`, not `environments/{id}`); a link naming a concrete document
        // (`certificates/Certificates-1/replace`: POST) is matched against the templates segment by segment.
        var operations = SwaggerDocument.Current.Operations.Where(o => o.Path == normalised).ToList();
        if (operations.Count == 0)
        {
            operations = SwaggerDocument.Current.Operations.Where(o => Matches(o.Path, normalised)).ToList();
        }

        return operations.Count > 0 && operations.All(o => o.Method != "GET");
    }

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(x => x.First == "{}" || x.First == x.Second);
    }

    /// <summary>Status and, for a JSON answer, its text (a logo is not followed further).</summary>
    private static async Task<(HttpStatusCode Status, string? Json)> GetAsync(EmulatorSession session, string path)
    {
        using var response = await session.Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        var json = response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json"
            ? await response.Content.ReadAsStringAsync()
            : null;
        return (response.StatusCode, json);
    }

    /// <summary>Link values of the document, its items and nested resources; paging links are left out (same lists).</summary>
    private static IEnumerable<string> Links(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "Links" && value is JsonObject links)
                    {
                        foreach (var (name, href) in links)
                        {
                            if (!name.StartsWith("Page.", StringComparison.Ordinal) && name != "Web" && href is JsonValue v && v.TryGetValue<string>(out var s))
                            {
                                yield return s;
                            }
                        }
                    }
                    else
                    {
                        foreach (var inner in Links(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Links))
                {
                    yield return inner;
                }

                break;
        }
    }
}
