using System.Text;
using System.Text.Json.Nodes;
using OctoSync.Engine.Model;
using OctoSync.Engine.Planning;

namespace OctoSync.Engine.Applying.Internal;

/// <summary>
/// Replaces <see cref="ReferenceToken"/>s with the ids the apply has learned, anywhere in a document: whole string
/// values, property names (a tenant's <c>ProjectEnvironments</c> is keyed by project id) and inside longer strings
/// (comma lists such as <c>Octopus.Action.Manual.ResponsibleTeamIds</c>, JSON held in a step property).
/// </summary>
internal sealed class TokenResolver(IdRegistry registry)
{
    /// <summary>A resolved copy of the document; <paramref name="unresolved"/> receives every token without an id.</summary>
    public JsonObject Resolve(JsonObject document, List<string> unresolved) => (JsonObject)ResolveNode(document, unresolved)!;

    public string ResolveString(string text, List<string> unresolved)
    {
        if (!text.Contains(ReferenceToken.Prefix, StringComparison.Ordinal))
        {
            return text;
        }

        if (registry.TryGetToken(text, out var whole))
        {
            return whole;
        }

        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var at = text.IndexOf(ReferenceToken.Prefix, i, StringComparison.Ordinal);
            if (at < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, at - i);
            var known = registry.TokensLongestFirst.FirstOrDefault(p => string.CompareOrdinal(text, at, p.Key, 0, p.Key.Length) == 0);
            if (known.Key is not null)
            {
                sb.Append(known.Value);
                i = at + known.Key.Length;
            }
            else
            {
                // Unknown: take the token up to the next list or JSON delimiter and leave it in place.
                var end = text.IndexOfAny([',', '"', '\n'], at);
                end = end < 0 ? text.Length : end;
                unresolved.Add(text[at..end]);
                sb.Append(text, at, end - at);
                i = end;
            }
        }

        return sb.ToString();
    }

    /// <summary>Kind and key of a token, or null if it is malformed.</summary>
    public static (ResourceKind Kind, string Key)? TryParse(string token)
    {
        try
        {
            return ReferenceToken.Parse(token);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private JsonNode? ResolveNode(JsonNode? node, List<string> unresolved)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[ResolveString(name, unresolved)] = ResolveNode(value, unresolved);
                }

                return copy;
            case JsonArray arr:
                return new JsonArray(arr.Select(item => ResolveNode(item, unresolved)).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var s):
                return JsonValue.Create(ResolveString(s, unresolved));
            default:
                return node?.DeepClone();
        }
    }
}
