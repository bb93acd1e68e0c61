namespace OctoSync.Engine.Secrets;

/// <summary>
/// One value of a destination's <c>secrets:</c> list: a sensitive variable value, or one secret field of an account,
/// feed or certificate, on the destination, and the source its value comes from. Names are destination names (the
/// project or library variable set, the scope items, the account). An account entry with two <c>fields:</c> is two
/// mappings.
/// </summary>
public sealed record SecretMapping
{
    public SecretTargetKind Kind { get; init; } = SecretTargetKind.Variable;

    /// <summary>The project or library variable set that owns the variable; for the other kinds, the account, feed or
    /// certificate name.</summary>
    public required string Owner { get; init; }

    /// <summary>The variable name; for the other kinds, the secret field of the resource (<c>Password</c>, <c>CertificateData</c>, …).</summary>
    public required string Name { get; init; }

    /// <summary>True for certificate data: a <c>file:</c> source is read as bytes and sent base64-encoded; the value of
    /// the other sources must already be base64.</summary>
    public bool IsBinary { get; init; }

    /// <summary>Scope dimension (<c>Environment</c>, <c>Role</c>, …) → destination names; empty: every value of the variable.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Scope { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public required SecretSource Source { get; init; }

    /// <summary>The key path in <c>octosync.yaml</c>, e.g. <c>destinations[prod].secrets[0]</c>.</summary>
    public required string KeyPath { get; init; }

    /// <summary>The key path of the source itself, which errors name: <c>…secrets[0].value</c>, <c>…secrets[1].fields.Password</c>.</summary>
    public string? SourcePath { get; init; }

    public int Line { get; init; }

    /// <summary>What the plan shows: <c>OctoFx/Db.Password [Environment: Production]</c>, <c>account Azure Prod: Password</c>.</summary>
    public string Target => Kind != SecretTargetKind.Variable
        ? $"{(Kind == SecretTargetKind.StepTemplate ? "step template" : Kind.ToString().ToLowerInvariant())} {Owner}: {Name}"
        : Scope.Count == 0
        ? $"{Owner}/{Name}"
        : $"{Owner}/{Name} [{string.Join("; ", Scope.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {string.Join(", ", s.Value)}"))}]";

    /// <summary>Stands in a planned document for the value; replaced only in the request body sent to the destination.</summary>
    public string Token => SecretToken.For(KeyPath);
}
