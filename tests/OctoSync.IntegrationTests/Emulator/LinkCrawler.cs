using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OctoSync.IntegrationTests.Emulator;

/// <summary>Follows every `Links` value of the root, the space root and every document reached (templates expanded empty).</summary>
internal static partial class LinkCrawler
{
    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex TemplatePart();

    public static async Task<(int Followed, List<string> Failures)> CrawlAsync(EmulatorSession session, int limit = 2000)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/api", "/api/Spaces-1"]);
        var failures = new List<string>();
        while (queue.Count > 0 && seen.Count < limit)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await session.Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{path} → {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                continue;
            }

            foreach (var link in Links(JsonNode.Parse(await response.Content.ReadAsStringAsync())))
            {
                var expanded = TemplatePart().Replace(link, "");
                if (expanded.StartsWith("/api", StringComparison.Ordinal) && !seen.Contains(expanded))
                {
                    queue.Enqueue(expanded);
                }
            }
        }

        return (seen.Count, failures);
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
