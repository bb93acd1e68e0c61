using OctoSync.Engine.Model;

namespace OctoSync.Engine.Planning;

/// <summary>
/// Stands in a planned document for the id of an object the same plan creates earlier
/// (its id is only known once the destination has answered the POST). The applier swaps
/// each token for the real id before writing; a token it cannot resolve fails that change.
/// Format: <c>octosync-ref:{Kind}:{Key}</c>.
/// </summary>
public static class ReferenceToken
{
    public const string Prefix = "octosync-ref:";

    public static string For(ResourceKind kind, string key) => $"{Prefix}{kind}:{key}";

    public static bool IsToken(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public static (ResourceKind Kind, string Key) Parse(string token)
    {
        if (!IsToken(token))
        {
            throw new FormatException($"Not a reference token: {token}");
        }

        var rest = token[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return (Enum.Parse<ResourceKind>(rest[..colon]), rest[(colon + 1)..]);
    }
}
