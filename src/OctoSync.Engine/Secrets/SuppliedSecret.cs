namespace OctoSync.Engine.Secrets;

/// <summary>
/// What planning knows of one resolved secret: the mapping and the keyed hash of its value. Never the value —
/// planning stays a pure function of its inputs and a plan can be saved and shown without leaking anything.
/// </summary>
public sealed record SuppliedSecret(SecretMapping Mapping, string Hash)
{
    /// <summary>The plan text: <c>from ${PROD_DB_PASSWORD}</c>.</summary>
    public string From => $"from {Mapping.Source.Text}";
}
