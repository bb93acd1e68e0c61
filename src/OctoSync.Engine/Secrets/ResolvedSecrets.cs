using System.Text.Json.Nodes;

namespace OctoSync.Engine.Secrets;

/// <summary>
/// The secrets of one destination once every source has been resolved: the hashes planning needs
/// (<see cref="Supplied"/>), and the values, which only <see cref="Inject"/> ever hands out.
/// <see cref="ToString"/> shows no value.
/// </summary>
public sealed class ResolvedSecrets
{
    public static readonly ResolvedSecrets None = new([], new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> values;

    internal ResolvedSecrets(IReadOnlyList<SuppliedSecret> supplied, Dictionary<string, string> values)
    {
        Supplied = supplied;
        this.values = values;
    }

    public IReadOnlyList<SuppliedSecret> Supplied { get; }

    public bool IsEmpty => Supplied.Count == 0;

    /// <summary>A copy of <paramref name="body"/> with every string that is exactly a token replaced by its value;
    /// the body itself (a plan's document) is left holding the token.</summary>
    /// <exception cref="SecretException">A token with no resolved value (a plan made with other secrets).</exception>
    public JsonObject Inject(JsonObject body)
    {
        if (!Contains(body))
        {
            return body;
        }

        var copy = (JsonObject)body.DeepClone();
        Replace(copy);
        return copy;
    }

    public override string ToString() => $"{Supplied.Count} secret(s)";

    private static bool Contains(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => Contains(p.Value)),
        JsonArray a => a.Any(Contains),
        JsonValue v => v.TryGetValue<string>(out var s) && SecretToken.IsToken(s),
        _ => false,
    };

    private void Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (o[name] is JsonValue v && v.TryGetValue<string>(out var s) && SecretToken.IsToken(s))
                    {
                        o[name] = ValueOf(s);
                    }
                    else
                    {
                        Replace(o[name]);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && SecretToken.IsToken(s))
                    {
                        a[i] = ValueOf(s);
                    }
                    else
                    {
                        Replace(a[i]);
                    }
                }

                break;
        }
    }

    private string ValueOf(string token) =>
        values.TryGetValue(token, out var value)
            ? value
            : throw new SecretException($"The plan writes a secret ({token[SecretToken.Prefix.Length..]}) that was not resolved for this run; nothing was sent.");
}
