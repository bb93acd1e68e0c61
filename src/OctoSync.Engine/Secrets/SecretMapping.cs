namespace OctoSync.Engine.Secrets;

/// <summary>
/// One entry of a destination's <c>secrets:</c> list: a sensitive variable value on the destination and the source
/// its value comes from. Names are destination names (the project or library variable set, the scope items).
/// </summary>
public sealed record SecretMapping
{
    /// <summary>The project or library variable set that owns the variable.</summary>
    public required string Owner { get; init; }

    /// <summary>The variable name.</summary>
    public required string Name { get; init; }

    /// <summary>Scope dimension (<c>Environment</c>, <c>Role</c>, …) → destination names; empty: every value of the variable.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Scope { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public required SecretSource Source { get; init; }

    /// <summary>The key path in <c>octosync.yaml</c>, e.g. <c>destinations[prod].secrets[0]</c>.</summary>
    public required string KeyPath { get; init; }

    public int Line { get; init; }

    /// <summary>What the plan shows: <c>OctoFx/Db.Password [Environment: Production]</c>.</summary>
    public string Target => Scope.Count == 0
        ? $"{Owner}/{Name}"
        : $"{Owner}/{Name} [{string.Join("; ", Scope.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {string.Join(", ", s.Value)}"))}]";

    /// <summary>Stands in a planned document for the value; replaced only in the request body sent to the destination.</summary>
    public string Token => SecretToken.For(KeyPath);
}
